package schedule

import (
	"errors"
	"log/slog"
	"time"
)

// logPoll reports how a poll went and when the next one is due.
func logPoll(log *slog.Logger, err error, failures int, took, next time.Duration) {
	var def *Deferral
	if errors.As(err, &def) {
		log.Info("poll deferred", "reason", def.Err, "next_poll_in", next.Round(time.Second))
		return
	}
	if err != nil {
		log.Info("poll failed, backing off", "error", err, "failures", failures,
			"duration", took, "next_poll_in", next.Round(time.Second))
		return
	}
	log.Debug("poll done", "duration", took, "next_poll_in", next.Round(time.Second))
}
