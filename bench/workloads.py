"""The benchmark workloads, drawn from the database itself: 2,500 distinct searches (words of
the texts, common, middling and rare; one and two words; with and without filters and sorts),
2,500 distinct filtered browsing pages, and up to 2,500 practice pages, each shuffled into
OUT/paths-<name>.txt, and 300 searches for one-at-a-time timing.

    python3 bench/workloads.py DATABASE OUT     # an SQLite file or a postgres:// URL (psql)
"""
import collections, random, re, sqlite3, subprocess, sys, urllib.parse
db, out = sys.argv[1], sys.argv[2]
random.seed(7)

class Psql:
    """The few queries below, through psql: rows of text, one NUL-separated record each."""
    def execute(self, sql):
        text = subprocess.run(["psql", db, "-X", "-At", "-0", "-F", "\x1f", "-c", sql],
                              check=True, capture_output=True, text=True).stdout
        return Rows(tuple(int(v) if v.isdigit() else v for v in record.split("\x1f"))
                    for record in text.split("\0") if record)

class Rows(list):
    def fetchall(self):
        return self

conn = Psql() if db.startswith("postgres") else sqlite3.connect(db)
ids = [row[0] for row in conn.execute("SELECT id FROM practices WHERE status = 'published'")]
texts = conn.execute(
    "SELECT challenge || ' ' || solution || ' ' || results FROM practices "
    "WHERE status = 'published' ORDER BY random() LIMIT 400").fetchall()
counts = collections.Counter(w.lower() for (t,) in texts for w in re.findall(r"\w+", t) if not w.isdigit())
ranked = [w for w, _ in counts.most_common()]
common, middling, rare = ranked[:100], ranked[100:3000], ranked[3000:] or ranked[-100:]
regions = ["africa", "americas", "asia-pacific", "europe"]
topics = [row[0] for row in conn.execute("SELECT DISTINCT topic FROM practice_topics")]
languages = ["en", "fr", "es", "de"]
years = [row[0] for row in conn.execute("SELECT DISTINCT competition_year FROM practices WHERE competition_year IS NOT NULL")]

def word():
    return random.choice(random.choice([common, middling, rare]))

searches = set()
while len(searches) < 2500:
    q = word() if random.random() < 0.6 else f"{word()} {word()}"
    params = {"q": q}
    if random.random() < 0.4:
        facet = random.choice(["region", "topic", "language"])
        params[facet] = random.choice({"region": regions, "topic": topics, "language": languages}[facet])
    if random.random() < 0.3:
        params["sort"] = random.choice(["newest", "title"])
    searches.add("/practices?" + urllib.parse.urlencode(params))
browse = set()
while len(browse) < 2500:
    params = {}
    for facet, values in [("region", regions), ("topic", topics), ("language", languages), ("year", years)]:
        if random.random() < 0.5:
            params[facet] = random.choice(values)
    params["page"] = random.randint(1, 20)
    if random.random() < 0.3:
        params["sort"] = random.choice(["newest", "title"])
    browse.add("/practices?" + urllib.parse.urlencode(params))
details = [f"/practices/{i}" for i in random.sample(ids, min(2500, len(ids)))]
for name, paths in [("search", sorted(searches)), ("browse", sorted(browse)), ("detail", details)]:
    random.shuffle(paths)
    open(f"{out}/paths-{name}.txt", "w").write("\n".join(paths) + "\n")
open(f"{out}/searches-one-at-a-time.txt", "w").write("\n".join(sorted(searches)[:300]) + "\n")
