from rsa import *
import sys, itertools
L=int(sys.argv[1])
for kmin,q,m in [(5,0.9,5),(10,0.9,5),(5,0.99,5),(5,1.0,5),(5,0.9,10**9)]:
    table(f'RSA L{L} kmin{kmin} q{q} m{m}',lambda cs,L_:RSA(cs,L_,kmin=kmin,q=q,m=m),L=L,systems=('si','na','al'))
