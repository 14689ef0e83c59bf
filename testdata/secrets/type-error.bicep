// A secret literal where the compiler wants a number: its error message quotes the value.
param port int = 'TypeError-Secret-Zq8#Passw0rd'

output port int = port
