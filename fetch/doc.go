// Package fetch is refeed's only HTTP client. It downloads source feeds and
// article pages politely and robustly and hands back their text as UTF-8.
//
// One Client is built per process with New and shared by every goroutine.
// It sends conditional requests (If-None-Match, If-Modified-Since), decodes
// gzip, deflate and brotli bodies itself, caps the body size while reading,
// retries transient failures with jittered exponential backoff while honouring
// Retry-After, limits concurrency globally and per host, spaces out requests
// to one host, and honours robots.txt for article pages. It follows redirects
// itself, one hop at a time, so the per-host limits and robots.txt apply to
// the host each hop goes to, not only to the one first asked for.
//
// Text is decoded in the order browsers use: byte order mark, then the
// charset of the HTTP Content-Type, then the document's own declaration
// (<meta charset> for HTML, the XML declaration for feeds) unless the bytes
// contradict it, then a guess from the bytes: ICU's detector for other
// scripts (Cyrillic, Greek, Hebrew, Chinese, Japanese, Korean, Central
// European), and refeed's own scoring to tell windows-1256, ISO-8859-6 and
// windows-1252 apart. See Decode.
//
// The package knows nothing about refeed's configuration or state: callers
// pass Options and per-request validators in, and store what comes back in
// Response (validators, Retry-After, max-age) themselves.
package fetch
