from rl import *
for obj in ('spearman','ls','top'):
  for m in (5,10):
    table(f'racelearn {obj} m{m}',lambda cs,L:RaceLearn(cs,L,obj=obj,m=m),L=5)
