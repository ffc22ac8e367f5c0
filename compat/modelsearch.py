"""modelsearch internals the tuned search backends build on (search/backends/).

modelsearch documents its backends only through settings: there is no public
way to change how the database backends rank or match, so the tuned backends
subclass the classes below. Each is loaded only when first asked for, because
the SQLite and PostgreSQL modules look up models that exist only on their own
database. tests/test_compat.py checks every name and every method the
backends override or call.
"""

from importlib import import_module

SQLITE = "modelsearch.backends.database.sqlite.sqlite"
SQLITE_QUERY = "modelsearch.backends.database.sqlite.query"
POSTGRES = "modelsearch.backends.database.postgres.postgres"

# name here: (module, name there), with why the public API is not enough.
PRIVATE = {
    # The stock SQLite backend, compiler and results, subclassed to rank by
    # title then weighted bm25(), to match word beginnings and to fetch ranked
    # ids first (search/backends/fts5.py).
    "SQLiteSearchBackend": (SQLITE, "SQLiteSearchBackend"),
    "SQLiteSearchQueryCompiler": (SQLITE, "SQLiteSearchQueryCompiler"),
    "SQLiteSearchResults": (SQLITE, "SQLiteSearchResults"),
    # The FTS5 table, queried on its own to rank every match once.
    "SQLiteFTSIndexEntry": (SQLITE, "SQLiteFTSIndexEntry"),
    # The expressions the SQLite compiler builds its MATCH from: reused so the
    # tuned query is written in the same terms as the stock one.
    "BM25": (SQLITE_QUERY, "BM25"),
    "Lexeme": (SQLITE_QUERY, "Lexeme"),
    "LexemeCombinable": (SQLITE_QUERY, "LexemeCombinable"),
    "MatchExpression": (SQLITE_QUERY, "MatchExpression"),
    "SearchQueryExpression": (SQLITE_QUERY, "SearchQueryExpression"),
    "normalize": (SQLITE_QUERY, "normalize"),
    # The stock PostgreSQL backend, compiler and results, subclassed to search
    # the index table through its GIN indexes first (search/backends/postgres.py).
    "PostgresSearchBackend": (POSTGRES, "PostgresSearchBackend"),
    "PostgresSearchQueryCompiler": (POSTGRES, "PostgresSearchQueryCompiler"),
    "PostgresSearchResults": (POSTGRES, "PostgresSearchResults"),
    "IndexEntry": (POSTGRES, "IndexEntry"),
    # Which content types a search of a model covers, as the stock backends decide it.
    "get_descendants_content_types_pks": ("modelsearch.utils", "get_descendants_content_types_pks"),
}

# Methods and attributes of those classes the tuned backends override or call.
RELIED_ON = {
    "SQLiteSearchQueryCompiler": (
        "_build_rank_expression", "build_search_query_content", "build_search_query", "get_search_vectors",
        "get_config", "FTS_TABLE_FIELDS",
    ),
    "SQLiteSearchResults": ("_do_search",),
    "SQLiteSearchBackend": ("query_compiler_class", "results_class"),
    "PostgresSearchQueryCompiler": ("search", "build_tsquery", "_build_rank_expression", "get_config"),
    "PostgresSearchResults": ("_do_search",),
    "PostgresSearchBackend": ("query_compiler_class", "results_class"),
}


def __getattr__(name):
    try:
        module, attribute = PRIVATE[name]
    except KeyError:
        raise AttributeError(f"compat.modelsearch has no {name!r}") from None
    return getattr(import_module(module), attribute)
