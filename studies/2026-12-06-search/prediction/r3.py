from pol import *
for probe in (5,20):
    table(f'race probe{probe} a0.2 every5 L5',lambda cs,L:Race(cs,L,probe=probe),L=5)
for a in (0.0,0.5):
  for probe in (5,20):
    table(f'race probe{probe} a{a} every5 L5',lambda cs,L:Race(cs,L,probe=probe,a=a),L=5)
