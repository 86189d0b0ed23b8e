package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"syscall"
)

// classify maps a transport error to one of the package's sentinel kinds.
func classify(err error) error {
	var (
		dnsErr  *net.DNSError
		netErr  net.Error
		certErr *tls.CertificateVerificationError
		hostErr x509.HostnameError
		authErr x509.UnknownAuthorityError
		invErr  x509.CertificateInvalidError
		recErr  tls.RecordHeaderError
		alert   tls.AlertError
	)
	switch {
	case errors.Is(err, ErrPrivateAddress):
		return ErrPrivateAddress
	case errors.Is(err, context.DeadlineExceeded):
		return ErrTimeout
	case errors.As(err, &dnsErr):
		return ErrDNS
	case errors.Is(err, syscall.ECONNREFUSED):
		return ErrConnRefused
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		errors.Is(err, http.ErrBodyReadAfterClose):
		return ErrConnReset
	case errors.As(err, &certErr), errors.As(err, &hostErr), errors.As(err, &authErr),
		errors.As(err, &invErr), errors.As(err, &recErr), errors.As(err, &alert):
		return ErrTLS
	case errors.As(err, &netErr) && netErr.Timeout():
		return ErrTimeout
	}
	return ErrNetwork
}

// Retryable reports whether a later attempt may succeed: network failures,
// timeouts, temporary DNS failures, HTTP 408, 429 and 5xx. A robots.txt
// refusal, an oversized body, a bad encoding, a redirect loop, other 4xx
// statuses and a cancelled context are not retryable.
func Retryable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var httpErr *HTTPError
	if errors.As(err, &httpErr) {
		return retryableStatus(httpErr.StatusCode)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.IsTemporary || dnsErr.IsTimeout
	}
	for _, k := range []error{ErrTimeout, ErrConnRefused, ErrConnReset, ErrNetwork} {
		if errors.Is(err, k) {
			return true
		}
	}
	return false
}

func retryableStatus(code int) bool {
	return code == http.StatusRequestTimeout || code == http.StatusTooManyRequests || code >= 500
}
