var password = 'SyntaxNeighbour-Secret-4Kd9Lw2Pq'
var broken = 'SyntaxNeighbour-Secret-4Kd9Lw2Pq
output password string = password
