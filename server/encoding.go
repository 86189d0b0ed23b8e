package server

import (
	"strconv"
	"strings"
)

// acceptsGzip reports whether an Accept-Encoding header value admits gzip:
// "gzip" or "*" listed without q=0. An explicit "gzip;q=0" wins over "*".
func acceptsGzip(header string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "x-gzip" && coding != "*" {
			continue
		}
		ok := qualityOK(params)
		if coding == "*" {
			star = ok
			continue
		}
		return ok
	}
	return star
}

// qualityOK reports whether the parameters of a coding leave its q above 0.
func qualityOK(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err == nil && q > 0
	}
	return true
}
