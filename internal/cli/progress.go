package cli

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/vigil-sec/vigil/internal/app"
)

// progress draws a one-line status on a terminal's stderr while a scan runs:
// the current stage and the time spent, redrawn at most ten times a second.
// The core only sends events; drawing lives here.
type progress struct {
	w       io.Writer
	mu      sync.Mutex
	stage   string
	start   time.Time
	stop    chan struct{}
	done    chan struct{}
	drawn   bool
	stopped bool
}

var stageNames = map[string]string{
	"load":     "Loading and evaluating Terraform",
	"adapt":    "Building the model",
	"check":    "Running checks",
	"suppress": "Applying suppressions",
	"relocate": "Preparing results",
	"baseline": "Applying the baseline",
}

func startProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
	go p.loop()
	return p
}

// Event receives the app's stage events.
func (p *progress) Event(e app.Event) {
	if e.Done {
		return
	}
	p.mu.Lock()
	p.stage = e.Stage
	p.mu.Unlock()
}

func (p *progress) loop() {
	defer close(p.done)
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.draw()
		}
	}
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	// Short scans finish before the line would be useful; don't flash it.
	elapsed := time.Since(p.start)
	if p.stage == "" || elapsed < 500*time.Millisecond {
		return
	}
	name := stageNames[p.stage]
	if name == "" {
		name = p.stage
	}
	fmt.Fprintf(p.w, "\r\033[K%s %s… %.1fs", spinner(elapsed), name, elapsed.Seconds())
	p.drawn = true
}

// Stop ends drawing and clears the line.
func (p *progress) Stop() {
	p.mu.Lock()
	if p.stopped {
		p.mu.Unlock()
		return
	}
	p.stopped = true
	p.mu.Unlock()
	close(p.stop)
	<-p.done
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func spinner(d time.Duration) string {
	frames := []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}
	return frames[int(d/(100*time.Millisecond))%len(frames)]
}
