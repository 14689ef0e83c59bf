using 'chat.bicep'

param identityName = 'id-chat-agent'
