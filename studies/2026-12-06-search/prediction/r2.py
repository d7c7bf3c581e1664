from pol import *
import itertools
for a,probe,every in [(0.0,10,5),(0.5,10,5),(1.0,10,5),(0.5,5,5),(0.5,10,3),(0.0,5,3)]:
    table(f'race a{a} probe{probe} every{every}',lambda cs,L:Race(cs,L,probe=probe,every=every,a=a),L=5)
