package packed

import (
	"bytes"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestUnpackRoundTripAndDamage: what Brotli packed comes back byte for byte;
// a truncated or damaged stream is an error, never a short file.
func TestUnpackRoundTripAndDamage(t *testing.T) {
	want := bytes.Repeat([]byte("汉阳区十四五规划中期评估 0123456789\n"), 2000)
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, brotli.BestCompression)
	w.Write(want)
	w.Close()
	got, err := Unpack("test", b.Bytes())
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("round trip: %d bytes, %v", len(got), err)
	}
	for name, bad := range map[string][]byte{
		"truncated":  b.Bytes()[:b.Len()/2],
		"not brotli": []byte("PK\x03\x04 not a Brotli stream"),
		"empty":      nil,
	} {
		if _, err := Unpack(name, bad); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
