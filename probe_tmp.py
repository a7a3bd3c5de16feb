import datetime as dt, random, collections, time
from planner.domain.generator import *
from planner.domain.enums import Goal, Experience
rng=random.Random(1)
c=collections.Counter(); t0=time.perf_counter(); worst=0
for i in range(300):
    goal=rng.choice(list(Goal)); ld=rng.randrange(7)
    days=tuple(sorted(set(rng.sample(range(7), rng.randint(2,6)))|{ld}))
    kw=dict(goal=goal,start=dt.date(2027,3,1),weeks=rng.randint(4,16),runs=rng.randint(2,6),lifts=rng.randint(2 if goal is Goal.RUN else 1,4),days=days,long_run_day=ld,experience=rng.choice(list(Experience)),weekly_km=rng.choice([20.0,35.0,60.0]),longest_run_km=rng.choice([8.0,14.0,20.0]),race_km=rng.choice([None,None,5.0,10.0]))
    if kw['weeks']<6: kw['race_km']=None
    t=time.perf_counter()
    try:
        x=GeneratorInput(**kw); b=generate_clean(x); c['ok']+=1
    except GeneratorError as e:
        c[str(e)[:60]]+=1
    worst=max(worst,time.perf_counter()-t)
print(c.most_common(12), time.perf_counter()-t0, worst)
