package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/andybalholm/brotli"
)

// acceptEncoding is sent on every request; the Transport's own gzip handling
// is off so that all three are decoded, capped and classified here.
const acceptEncoding = "gzip, deflate, br"

// errTooLarge is returned by cappedReader; readBody maps it to ErrTooLarge.
var errTooLarge = errors.New("fetch: body exceeds limit")

// wireError marks an error from the network read, so that a broken
// connection under a gzip stream is not reported as a bad gzip body.
type wireError struct{ err error }

func (e *wireError) Error() string { return e.err.Error() }
func (e *wireError) Unwrap() error { return e.err }

// cappedReader fails with errTooLarge once more than limit bytes were read,
// so an oversized body is rejected while streaming, never truncated.
type cappedReader struct {
	r    io.Reader
	left int64 // limit+1 minus bytes read
	wire bool  // wrap errors from r in *wireError
}

func newCappedReader(r io.Reader, limit int64, wire bool) *cappedReader {
	return &cappedReader{r: r, left: limit + 1, wire: wire}
}

// Read reads from the underlying reader, failing once the limit is passed.
func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left <= 0 {
		return n, errTooLarge
	}
	if err != nil && err != io.EOF && c.wire {
		err = &wireError{err}
	}
	return n, err
}

// readBody reads resp's body, undoing Content-Encoding, with both the wire
// bytes and the decoded bytes capped at limit.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: content-length %d > %d", ErrTooLarge, resp.ContentLength, limit)
	}
	var r io.Reader = newCappedReader(resp.Body, limit, true)
	encodings := contentEncodings(resp.Header)
	hint := resp.ContentLength
	for i := len(encodings) - 1; i >= 0; i-- {
		dec, err := decoder(encodings[i], r)
		if err != nil {
			return nil, bodyError(err, encodings[i])
		}
		r, hint = dec, -1
	}
	if len(encodings) > 0 {
		r = newCappedReader(r, limit, false)
	}
	body, err := readAll(r, hint)
	if err != nil {
		return nil, bodyError(err, strings.Join(encodings, ", "))
	}
	return body, nil
}

// bodyError sorts a body read failure into too large, network or bad encoding.
func bodyError(err error, encoding string) error {
	var wire *wireError
	switch {
	case errors.Is(err, errTooLarge):
		return ErrTooLarge
	case errors.As(err, &wire):
		return wire.err
	case encoding != "":
		return fmt.Errorf("%w: %s: %w", ErrBadEncoding, encoding, err)
	}
	return err
}

// contentEncodings lists the codings applied, in the order they were applied,
// without "identity".
func contentEncodings(h http.Header) []string {
	var out []string
	for _, v := range h.Values("Content-Encoding") {
		for _, e := range strings.Split(v, ",") {
			e = strings.ToLower(strings.TrimSpace(e))
			if e != "" && e != "identity" {
				out = append(out, e)
			}
		}
	}
	return out
}

func decoder(encoding string, r io.Reader) (io.Reader, error) {
	switch encoding {
	case "gzip", "x-gzip":
		return gzip.NewReader(r)
	case "br":
		return brotli.NewReader(r), nil
	case "deflate":
		return deflateReader(r)
	}
	return nil, fmt.Errorf("unsupported content encoding %q", encoding)
}

// deflateReader accepts both zlib-wrapped deflate (what the spec says) and
// raw deflate (what some servers send).
func deflateReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(2)
	if err != nil {
		return nil, err
	}
	if head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// readAll reads r to EOF. With a size hint it allocates once; without, it
// reads into growing chunks and joins them once, so the peak is about twice
// the body rather than the several copies of repeated append-doubling.
func readAll(r io.Reader, hint int64) ([]byte, error) {
	const firstChunk, maxChunk = 32 << 10, 1 << 20
	size := int64(firstChunk)
	if hint > 0 {
		size = hint + 1 // one spare byte to observe EOF without growing
	}
	var chunks [][]byte
	total := 0
	for {
		chunk := make([]byte, size)
		n, err := fill(r, chunk)
		chunks = append(chunks, chunk[:n])
		total += n
		if err == io.EOF {
			return join(chunks, total), nil
		}
		if err != nil {
			return nil, err
		}
		size = min(max(size, firstChunk)*2, maxChunk)
	}
}

// fill reads into buf until it is full (nil error), r reports io.EOF (io.EOF)
// or r fails. Unlike io.ReadFull it passes a stream's own
// io.ErrUnexpectedEOF through instead of mistaking it for a short read.
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func join(chunks [][]byte, total int) []byte {
	if len(chunks) == 1 {
		return chunks[0]
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out
}
