package schedule

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"testing"
	"time"
)

// TestLogPollKeys checks that a poll's time is logged as "duration", the
// key fetch and refresh use for the same measure.
func TestLogPollKeys(t *testing.T) {
	for _, err := range []error{nil, errors.New("boom")} {
		var buf bytes.Buffer
		log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
		logPoll(log, err, 1, 1500*time.Millisecond, time.Minute)
		var rec map[string]any
		if e := json.Unmarshal(buf.Bytes(), &rec); e != nil {
			t.Fatalf("log line %q: %v", buf.String(), e)
		}
		if _, ok := rec["duration"]; !ok {
			t.Errorf("poll logged without a duration key: %s", buf.String())
		}
		if _, ok := rec["took"]; ok {
			t.Errorf("poll logged its time as took: %s", buf.String())
		}
	}
}
