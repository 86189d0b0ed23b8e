package schedule_test

import (
	"context"
	"fmt"
	"time"

	"github.com/refeed/refeed/schedule"
)

// The first poll of every source happens as soon as Run starts; here the
// poll itself stops the scheduler, which then drains and returns nil.
func ExampleScheduler_Run() {
	ctx, stop := context.WithCancel(context.Background())
	poll := func(ctx context.Context, source string) error {
		fmt.Println("polled", source)
		stop()
		return nil
	}
	s := schedule.New(poll, schedule.Options{Jitter: 0.1})
	err := s.Run(ctx, []schedule.Source{{Name: "alsumaria", Interval: 15 * time.Minute}})
	fmt.Println("run:", err)
	// Output:
	// polled alsumaria
	// run: <nil>
}
