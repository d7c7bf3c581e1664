from rl import *
from rsa import *
from ft import *
table('laqa async E+F+S L1',LaqaAsync,L=1)
table('laqa async E+F+S L5',LaqaAsync,L=5)
table('race L5',Race,L=5)
table('racelearn ls m5 L5',lambda cs,L:RaceLearn(cs,L,obj='ls',m=5),L=5)
table('racelearn ls m10 L5',lambda cs,L:RaceLearn(cs,L,obj='ls',m=10),L=5)
table('racelearn spearman m10 L5',lambda cs,L:RaceLearn(cs,L,obj='spearman',m=10),L=5)
table('FT probe5 beta0.3 q0.9 L5',lambda cs,L:FT(cs,L,probe=5,beta=0.3,q=0.9),L=5)
table('FT probe10 beta3 q0.5 L5',lambda cs,L:FT(cs,L,probe=10,beta=3,q=0.5),L=5)
table('RSA kmin5 q0.9 L5',lambda cs,L:RSA(cs,L,kmin=5,q=0.9,m=5),L=5)
table('RSA fixed a0.2 L5',lambda cs,L:RSA(cs,L,kmin=5,q=0.9,m=10**9),L=5)
