package main

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/refeed/refeed/fetch"
	"github.com/refeed/refeed/refresh"
)

// TestRetryHintCapsRetryAfter checks that serve's scheduler is not told to
// leave a source alone for longer than refresh.RetryAfterMax, whatever
// Retry-After the server sent.
func TestRetryHintCapsRetryAfter(t *testing.T) {
	d := &daemon{}
	err := d.retryHint(context.Background(), "src", &fetch.HTTPError{StatusCode: 503, RetryAfter: 365 * 24 * time.Hour})
	var rl *retryLater
	if !errors.As(err, &rl) || rl.RetryAfter() != refresh.RetryAfterMax {
		t.Errorf("retryHint = %v, want a retryLater of %s", err, refresh.RetryAfterMax)
	}
}
