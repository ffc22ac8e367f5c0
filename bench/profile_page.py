"""Where one page type's time goes, uncached: cProfile over repeated requests.

    python bench/profile_page.py /services/walk-and-talk-therapy/ [--runs 50] [--top 40]

Run with bench_env() settings on the bench site (bench/run.py builds it; the
environment is set here). Requests go through Django's full middleware stack
in-process, with the page cache off; the first request (which builds the kept
fragments) is left out. Prints the functions with the most cumulative time,
with files named without their folders. cProfile roughly doubles the time
of each call: compare profiles with each other, and time with measure.py.
"""

import argparse
import cProfile
import os
import pstats

from common import bench_env

os.environ.update(bench_env(PAGE_CACHE_SECONDS="0"))

from common import setup_django  # noqa: E402

setup_django()

from django.test import Client  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (bench)")
    for _ in range(3):
        assert client.get(args.url).status_code == 200
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.runs):
        client.get(args.url)
    profile.disable()
    stats = pstats.Stats(profile)
    print(f"{args.url}: {stats.total_tt / args.runs * 1000:.2f} ms of profiled time per request ({args.runs} requests)")
    stats.strip_dirs().sort_stats("cumulative").print_stats(args.top)

if __name__ == "__main__":
    main()
