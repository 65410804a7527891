import cProfile, time
pr = cProfile.Profile(); t0 = time.perf_counter(); pr.enable()
try:
    exec(compile(open("/work/main/app.py").read(), "/work/main/app.py", "exec"), {"__name__": "__main__"})
finally:
    pr.disable(); pr.dump_stats(f"/tmp/prof/run-{time.time():.3f}-{time.perf_counter()-t0:.2f}.pstats")
