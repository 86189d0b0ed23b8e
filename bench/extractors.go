package main

import (
	"bytes"
	"errors"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"github.com/refeed/refeed/extract"
	"golang.org/x/net/html"
)

// extractor turns one page into its article body text. An error counts as
// an empty prediction.
type extractor struct {
	Name string
	Run  func(body []byte, u *url.URL) (string, error)
}

// extractors returns the contenders, refeed first. Each one gets the same
// UTF-8 bytes and URL.
func extractors() []extractor {
	return []extractor{
		{"refeed", runRefeed},
		{"go-trafilatura", runTrafilatura},
		{"go-trafilatura (no fallback)", runTrafilaturaAlone},
		{"readeck/go-readability", runReadeck},
	}
}

// parseOnly is the yardstick: a bare html.Parse of the page.
func parseOnly(body []byte, _ *url.URL) (string, error) {
	_, err := html.Parse(bytes.NewReader(body))
	return "", err
}

func runRefeed(body []byte, u *url.URL) (string, error) {
	a, err := extract.Extract(bytes.NewReader(body), u, nil)
	if err != nil {
		return "", err
	}
	return a.Text, nil
}

// runTrafilatura uses go-trafilatura with its fallback extractors on
// (readability and dom-distiller), as its README recommends for
// precision, and comments excluded since the truth has none.
func runTrafilatura(body []byte, u *url.URL) (string, error) {
	res, err := trafilatura.Extract(bytes.NewReader(body), trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  true,
		ExcludeComments: true,
	})
	if err != nil {
		return "", err
	}
	if res == nil {
		return "", errors.New("bench: trafilatura: no result")
	}
	return res.ContentText, nil
}

// runTrafilaturaAlone is go-trafilatura without its fallback extractors:
// faster, and what a caller gets with zero Options.
func runTrafilaturaAlone(body []byte, u *url.URL) (string, error) {
	res, err := trafilatura.Extract(bytes.NewReader(body), trafilatura.Options{
		OriginalURL:     u,
		ExcludeComments: true,
	})
	if err != nil {
		return "", err
	}
	if res == nil {
		return "", errors.New("bench: trafilatura: no result")
	}
	return res.ContentText, nil
}

func runReadeck(body []byte, u *url.URL) (string, error) {
	p := readability.NewParser()
	a, err := p.Parse(bytes.NewReader(body), u)
	if err != nil {
		return "", err
	}
	if a.Node == nil {
		return "", nil
	}
	var b strings.Builder
	if err := a.RenderText(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}
