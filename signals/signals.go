// Package signals carries typed change notifications from where a change
// is made to whatever shows it: a screen adds a listener for the changes
// it shows, and the window emits a signal once a change is on the disk.
// Listeners run on the goroutine that emits, in the order they were added;
// the window emits on the UI thread only.
//
// It is pure Go and imports nothing of PlanDesk, GORM or Fyne.
package signals

import "sync"

// Signal is one kind of change, with its payload T.
type Signal[T any] struct {
	mu        sync.Mutex
	listeners []func(T)
}

// New returns a signal with no listeners.
func New[T any]() *Signal[T] { return &Signal[T]{} }

// AddListener makes fn hear every later Emit.
func (s *Signal[T]) AddListener(fn func(T)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listeners = append(s.listeners, fn)
}

// Emit tells every listener, in the order they were added, and returns
// once they all have run.
func (s *Signal[T]) Emit(v T) {
	s.mu.Lock()
	listeners := append([]func(T){}, s.listeners...)
	s.mu.Unlock()
	for _, fn := range listeners {
		fn(v)
	}
}
