from ft import *
import sys, itertools
L=int(sys.argv[1])
for probe,beta,q in itertools.product([5,10],[0.3,1.0,3.0],[0.5,0.9]):
    table(f'FT L{L} probe{probe} beta{beta} q{q}',lambda cs,L_:FT(cs,L_,probe=probe,beta=beta,q=q),L=L,systems=('si','na'))
