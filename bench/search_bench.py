"""Search at scale: 10,000 blog posts, timed search requests, and one page's index update.

(A benchmark, not a test.) For each database it builds a throwaway site, adds
the demo content, bulk-creates N blog posts (rows written straight into the
page tree, then one `update_index`), then:

- refreshes the planner's statistics (ANALYZE), as a live database does on
  its own after a bulk load (not with --no-analyze: a freshly loaded one);
- times search requests through Django's test client over a mix of realistic
  queries, types and page numbers, and reports the median and 95th percentile
  and the most SQL queries any request made: first with nothing kept (each
  search as if asked for the first time since the last publish), then 200
  requests as visitors make them, where a worker reuses what an identical
  search found since the last publish (each query's first request of the
  200 finds nothing kept: the pass before emptied it);
- publishes one edited post and shows what its index update touched (the
  statements on the index table and the rows they can reach) against the
  time of a full `update_index`.

    .venv/bin/python bench/search_bench.py [--db sqlite|postgres|both] [--posts 10000] [--requests 200]

SQLite lives in a temporary file; PostgreSQL uses the database
`practice_bench_search` on 127.0.0.1:5432 (user postgres, trust auth), which
the script drops and creates. The developer's own database is never touched.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
PG_NAME = "practice_bench_search"

QUERIES = [
    {"q": "anxiety"}, {"q": "ADHD"}, {"q": "walk"}, {"q": "online"}, {"q": "grief"},
    {"q": "sleep"}, {"q": "anxiety at work"}, {"q": "walk and talk"}, {"q": "panic attacks"},
    {"q": "autistic burnout"}, {"q": "low mood"}, {"q": "therapeutic relationship"},
    {"q": "friendship"}, {"q": "first session"}, {"q": "loneliness after retirement"},
    {"q": "anxiety", "page": "2"}, {"q": "online", "type": "post"}, {"q": "walk", "type": "service"},
    {"q": "stress", "page": "5"}, {"q": "xylophone"},
    # The broadest searches there are: a word in nearly every post, and the
    # practice's own trade.
    {"q": "the"}, {"q": "counselling"},
]

TOPICS = [
    "anxiety", "low mood", "grief", "sleep", "stress at work", "panic attacks", "ADHD", "autism",
    "loneliness", "anger", "self-esteem", "burnout", "relationships", "change", "loss", "confidence",
]
WORDS = (
    "talking listening feelings worry body breath pace trust safety routine evening morning family friends "
    "work change habit pattern noticing gentle patience support understanding walking outdoors online "
    "session counsellor space quiet honest small steps week progress setback kindness boundaries rest "
    "energy focus sensory overwhelm masking diagnosis memory future past present hope tired restless"
).split()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--no-analyze", action="store_true", help="search without planner statistics (a freshly loaded database)")
    parser.add_argument("--run", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        return run(args)
    status = 0
    for db in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        # Settings read the database from the environment at import, so each
        # database gets a fresh interpreter.
        command = [sys.executable, __file__, "--run", db, "--posts", str(args.posts), "--requests", str(args.requests)]
        command += ["--no-analyze"] if args.no_analyze else []
        status |= subprocess.run(command, cwd=ROOT, env=environment(db)).returncode
    return status


def environment(db):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env.pop("DATABASE_URL", None)
    if db == "postgres":
        env["DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}"
    else:
        env["SQLITE_PATH"] = os.path.join(tempfile.mkdtemp(prefix="search-bench-"), "bench.sqlite3")
    return env


def run(args):
    sys.path.insert(0, str(ROOT))
    if args.run == "postgres":
        recreate_postgres_database()
    import django

    django.setup()
    from django.core.management import call_command

    print(f"\n=== {args.run}: {args.posts:,} posts ===")
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))
    seconds = timed(lambda: create_posts(args.posts))
    print(f"created {args.posts:,} posts in bulk: {seconds:.1f} s")
    full_index = timed(lambda: call_command("update_index", verbosity=0, stdout=open(os.devnull, "w")))
    print(f"full update_index: {full_index:.1f} s ({index_rows():,} index rows)")
    if not args.no_analyze:
        analyse()
    time_requests(args.requests)
    one_page_update(full_index)


def analyse():
    """Refresh the planner's statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` would after a bulk load."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def recreate_postgres_database():
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {PG_NAME}")


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def create_posts(count):
    """Write posts straight into the page tree: no per-page save, signal or index update.

    Each post gets a path under the blog index (as treebeard would number it),
    a base page row (bulk_create) and a BlogPage row that points at it.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Page

    from blog.models import BlogIndexPage, BlogPage, BlogPageTag
    from home.demo import stream

    index = BlogIndexPage.objects.get()
    first_step = Page._str2int(index.get_last_child().path[-Page.steplen:]) + 1 if index.numchild else 1
    content_type = ContentType.objects.get_for_model(BlogPage)
    tags = [Tag.objects.get_or_create(name=topic.capitalize(), slug=topic.replace(" ", "-"))[0] for topic in TOPICS]
    rng, now = random.Random(6), timezone.now()
    with transaction.atomic():
        for start in range(0, count, 1000):
            numbers = range(start, min(start + 1000, count))
            # Each post is about two topics, as real articles are: a topic word
            # is in roughly one post in eight, not in every one.
            topics = {n: rng.sample(TOPICS, 2) for n in numbers}
            pages = Page.objects.bulk_create([
                base_page(index, first_step + n, f"bench-post-{n}", title(rng, topics[n]), content_type, now) for n in numbers
            ])
            posts = [
                BlogPage(page_ptr_id=page.pk, introduction=sentence(rng, 30, topics[n]), body=stream(*body(rng, topics[n])),
                         date_published=date.today() - timedelta(days=rng.randrange(2000)))
                for n, page in zip(numbers, pages)
            ]
            # bulk_create refuses multi-table models; this is the insert it would run for the child table.
            BlogPage._base_manager._insert(posts, fields=BlogPage._meta.local_concrete_fields)
            BlogPageTag.objects.bulk_create(
                [BlogPageTag(content_object_id=page.pk, tag=tags[TOPICS.index(topic)]) for n, page in zip(numbers, pages) for topic in topics[n]]
            )
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)


def base_page(index, step, slug, text, content_type, now):
    from wagtail.models import Page

    return Page(
        title=text, draft_title=text, slug=slug, content_type=content_type, locale_id=index.locale_id,
        path=Page._get_path(index.path, index.depth + 1, step), depth=index.depth + 1, numchild=0,
        url_path=f"{index.url_path}{slug}/", live=True, translation_key=uuid.uuid4(),
        first_published_at=now, last_published_at=now,
    )


def title(rng, topics):
    topic, other = topics
    return rng.choice([
        f"Living with {topic}", f"What {topic} can feel like", f"Small steps with {topic}",
        f"{topic.capitalize()} and {other}: where to start", f"When {topic} meets {other}",
    ])


COMMON = (
    "the and of to a in that it is was for on with as you be at this have from or by not are but what all when we "
    "there can your which if do will about how up out then so these would into more like could no than first been "
    "who now people my over only way may very after just where most know feel often"
).split()
# A long tail of rarer words, made up but stable from run to run.
RARE = [a + b + c for a in ("br", "cl", "dr", "fl", "gr", "pl", "sk", "tr") for b in "aeiou" for c in ("nd", "st", "mp", "rk", "ll", "ng")]


def sentence(rng, words, topics):
    """Mostly common and rarer words; a counselling word now and then; the post's topics a little more."""
    pools = (COMMON, RARE, WORDS, topics)
    chosen = rng.choices(pools, weights=(60, 27, 9, 4), k=words)
    return " ".join(rng.choice(pool) for pool in chosen).capitalize() + "."


def body(rng, topics):
    """About 350 words: headings, paragraphs and, in one post of five, an FAQ."""
    from home.demo import rich

    blocks = []
    for section in range(3):
        blocks.append(("heading", {"text": sentence(rng, 4, topics), "level": "h2", "anchor": f"part-{section}"}))
        blocks.append(("text", rich(*(sentence(rng, 38, topics) for _ in range(3)))))
    if rng.random() < 0.2:
        blocks.append(("faq", {"heading": "", "questions": [{"question": sentence(rng, 8, topics) + "?", "answer": rich(sentence(rng, 30, topics))}]}))
    return blocks


def index_entries():
    from modelsearch.conf import get_app_config

    return get_app_config().get_model("IndexEntry")


def index_rows():
    return index_entries().objects.count()


def index_fingerprints():
    """A hash of every index row's content, to count the rows a change really touched."""
    rows = index_entries().objects.values_list("pk", "title", "title_norm", "body", "autocomplete")
    return {pk: hash(tuple(map(str, rest))) for pk, *rest in rows.iterator(chunk_size=2000)}


def time_requests(total):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from search.results import kept_searches

    client, timings, most_queries, by_query = Client(), [], 0, {}
    for params in QUERIES:  # warm-up: caches every visitor shares
        client.get("/search/", params)
    first_time, first_by_query = [], {}
    for _ in range(3):
        for params in QUERIES:
            kept_searches.clear()
            start = time.perf_counter()
            client.get("/search/", params)
            first_time.append((time.perf_counter() - start) * 1000)
            first_by_query.setdefault(describe(params), []).append(first_time[-1])
    print(f"each search asked for the first time since the last publish, {len(first_time)} requests: "
          f"median {statistics.median(first_time):.1f} ms, p95 {percentile(first_time, 95):.1f} ms; slowest: {slowest(first_by_query)}")
    for n in range(total):
        params = QUERIES[n % len(QUERIES)]
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get("/search/", params)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (params, response.status_code)
        most_queries = max(most_queries, len(queries.captured_queries))
        by_query.setdefault(describe(params), []).append(timings[-1])
    print(f"slowest searches (median ms): {slowest(by_query)}")
    print(f"{total} search requests over {len(QUERIES)} queries: median {statistics.median(timings):.1f} ms, "
          f"p95 {percentile(timings, 95):.1f} ms, max {max(timings):.1f} ms; at most {most_queries} SQL queries per request")


def describe(params):
    return " ".join(f"{k}={v}" for k, v in params.items())


def slowest(by_query, count=4):
    ranked = sorted(by_query.items(), key=lambda item: -statistics.median(item[1]))[:count]
    return ", ".join(f"{name} {statistics.median(ms):.1f}" for name, ms in ranked)


def percentile(timings, share):
    ordered = sorted(timings)
    return ordered[max(0, round(share / 100 * len(ordered)) - 1)]


def one_page_update(full_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from blog.models import BlogPage

    post = BlogPage.objects.get(slug="bench-post-42")
    post.introduction = "An edited introduction that mentions a kingfisher by the river."
    before = index_fingerprints()
    with CaptureQueriesContext(connection) as queries:
        seconds = timed(lambda: post.save_revision().publish())
    table = index_entries()._meta.db_table
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    on_index = [sql for sql in writes if table in sql.split(" WHERE ")[0]]
    print(f"publishing one edited post (revision, publish and its index update): {seconds * 1000:.0f} ms, "
          f"{full_index / seconds:,.0f}x faster than the full update_index")
    print(f"  statements writing the index table during that publish: {len(on_index)} "
          "(Wagtail indexes the page on both of its saves, revision and publish; the title_norm update "
          "reaches only rows still at the new-row value 1.0)")
    for sql in on_index:
        print(f"    {shorten(sql)}")
    from wagtail.search.backends import get_search_backend

    alone = timed(lambda: get_search_backend().add(post))
    print(f"  the index update alone, for that one page: {alone * 1000:.1f} ms")
    after = index_fingerprints()
    changed = sum(before.get(pk) != fingerprint for pk, fingerprint in after.items())
    print(f"  index rows whose content changed: {changed} of {len(after):,}; "
          f"the edit is found by search at once: {BlogPage.objects.live().search('kingfisher').count() == 1}")


def shorten(sql):
    head, _, where = " ".join(sql.split()).partition(" WHERE ")
    return (head[:70] + " …" if len(head) > 70 else head) + (f" WHERE {where[:110]}" if where else "")


if __name__ == "__main__":
    sys.exit(main())
