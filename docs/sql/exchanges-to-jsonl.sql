-- marketgraph: a raw exchange log aggregated into the transaction lines of a
-- JSON Lines stream (docs/format.md, section 10; docs/scaling.md).
--
-- Input: a table exchanges(seq, seller, buyer, commodity, level, period,
-- volume, value), one row per exchange, seq its position in the log; level,
-- period, volume and value may be NULL (absent).  Output: one column, one
-- JSON text per merged transaction, in the order of its first exchange: the
-- same transactions as `marketgraph ... --aggregate` on the same log.
-- Put the stream's header and actor lines before these lines.
--
-- Standard SQL only (GROUP BY, SUM, COUNT, MIN, COALESCE, REPLACE, CAST, ||),
-- no JSON functions: NULL || text is NULL, so an absent part drops out
-- through COALESCE.  Strings are escaped for JSON (backslash, double quote);
-- ids with control characters need the engine's own JSON writer instead.
-- Sums are written in the engine's text form of a double (sqlite3: 15
-- significant digits; DuckDB, Spark: the shortest exact form).
SELECT
  '{"record":"transaction","seller":"'
    || REPLACE(REPLACE(seller, '\', '\\'), '"', '\"')
    || '","buyer":"' || REPLACE(REPLACE(buyer, '\', '\\'), '"', '\"')
    || '","commodity":"' || REPLACE(REPLACE(commodity, '\', '\\'), '"', '\"') || '"'
    || COALESCE(',"level":"' || REPLACE(REPLACE(level, '\', '\\'), '"', '\"') || '"', '')
    || COALESCE(',"period":"' || REPLACE(REPLACE(period, '\', '\\'), '"', '\"') || '"', '')
    || COALESCE(',"volume":' || CAST(SUM(volume) AS VARCHAR(40)), '')
    || COALESCE(',"value":' || CAST(SUM(value) AS VARCHAR(40)), '')
    || ',"attributes":{"exchanges":' || CAST(COUNT(*) AS VARCHAR(20)) || '}}' AS line
FROM exchanges
GROUP BY seller, buyer, commodity, level, period
ORDER BY MIN(seq);
