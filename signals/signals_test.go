package signals

import (
	"slices"
	"testing"
)

func TestEmitTellsEveryListenerInOrder(t *testing.T) {
	s := New[int]()
	var heard []string
	s.Emit(0) // no listeners yet: nothing happens
	s.AddListener(func(v int) { heard = append(heard, "a", string(rune('0'+v))) })
	s.AddListener(func(v int) {
		heard = append(heard, "b")
		if v == 1 {
			// A listener may add another; it hears the next Emit.
			s.AddListener(func(int) { heard = append(heard, "c") })
		}
	})
	s.Emit(1)
	s.Emit(2)
	if want := []string{"a", "1", "b", "a", "2", "b", "c"}; !slices.Equal(heard, want) {
		t.Errorf("heard %v, want %v", heard, want)
	}
}
