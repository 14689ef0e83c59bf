// Outputs known values: a parameter the caller sets, and a literal.
param storageName string

output storageName string = storageName
output sharedKeys bool = true
