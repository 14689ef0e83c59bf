using 'app.bicep'

param adminPassword = 'ParamFile-Secret-9f3Kq2Lm7Np!'
param partnerApiKey = 'Bicepparam-Api-Key-55Lq8Rw3Vn'
param callerSecret = 'Caller-Supplied-Secret-6Tw1Yh4'
