package app

import (
	"sync"

	"fyne.io/fyne/v2"
)

// background runs the window's work on the store off the UI thread, one
// job at a time in the order it was asked for, so a slow USB stick never
// freezes the window and a second edit always lands after the first. Each
// job's then runs on the UI thread with the job's error. Closing the
// window waits for every job asked for (wait), so nothing said to be
// saving is lost when the window closes mid-write.
type background struct {
	mu      sync.Mutex
	queue   []func()
	running bool
	pending sync.WaitGroup
}

// run queues work; then (which may be nil) gets its result on the UI
// thread.
func (b *background) run(work func() error, then func(error)) {
	b.do(func() func() {
		err := work()
		if then == nil {
			return nil
		}
		return func() { then(err) }
	})
}

// do queues work, which returns what is then to be done on the UI thread
// (or nil), so that the two can share the variables work fills in.
func (b *background) do(work func() (then func())) {
	b.pending.Add(1)
	job := func() {
		defer b.pending.Done()
		if then := work(); then != nil {
			fyne.Do(then)
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.queue = append(b.queue, job)
	if !b.running {
		b.running = true
		go b.drain()
	}
}

// drain runs the queued jobs until none is left.
func (b *background) drain() {
	for {
		b.mu.Lock()
		if len(b.queue) == 0 {
			b.running = false
			b.mu.Unlock()
			return
		}
		job := b.queue[0]
		b.queue = b.queue[1:]
		b.mu.Unlock()
		job()
	}
}

// wait returns once every job asked for so far has done its work.
func (b *background) wait() { b.pending.Wait() }
