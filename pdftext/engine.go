package pdftext

import (
	"context"
	_ "embed" // PDFium's module
	"fmt"
	"os"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"plandesk/packed"
)

// pdfiumBr is go-pdfium's PDFium module, packed with Brotli
// (pdfium-wasm.sh): 2.1 MB in the binary instead of the 6 MB go-pdfium would embed,
// unpacked when the first PDF is read (beside the seconds of compiling it,
// or the tenth of a second of loading it from the cache).
//
//go:embed pdfium.wasm.br
var pdfiumBr []byte

// pdfiumModule unpacks PDFium's module.
func pdfiumModule() ([]byte, error) { return packed.Unpack("PDFium", pdfiumBr) }

// engine is PDFium compiled and ready to be instantiated: the wazero
// runtime, its compilation cache and go-pdfium's pool of one instance.
type engine struct {
	pool  pdfium.Pool
	cache wazero.CompilationCache
}

// startEngine compiles PDFium's module, from the cache in cacheDir when it
// holds it. A cache folder that cannot be made (a read-only home) costs
// only time: the module is then compiled in memory, on every start.
func startEngine(cacheDir string) (*engine, error) {
	cache := wazero.NewCompilationCache()
	if cacheDir != "" {
		if err := os.MkdirAll(cacheDir, 0o700); err == nil {
			if c, err := wazero.NewCompilationCacheWithDir(cacheDir); err == nil {
				cache = c
			}
		}
	}
	// The bundled module lowers setjmp/longjmp to WebAssembly exception
	// handling, so that feature must stay on with the V2 core features.
	runtime := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCompilationCache(cache)
	wasm, err := pdfiumModule()
	if err != nil {
		return nil, err
	}
	// InitWithWASM, unlike Init, leaves go-pdfium's own copy of the module
	// out of the binary.
	pool, err := webassembly.InitWithWASM(webassembly.Config{
		WASM: wasm,
		// One read at a time; an instance is made for each read and
		// dropped after it (ReuseWorkers false), so the memory a long PDF
		// made the module grow is given back when the read ends.
		MinIdle: 0, MaxIdle: 1, MaxTotal: 1,
		// go-pdfium mounts the whole file system by default; PDFium is
		// handed the file's bytes and needs none.
		FSConfig:      wazero.NewFSConfig(),
		RuntimeConfig: runtime,
		Stdout:        discard{},
		Stderr:        discard{},
	})
	if err != nil {
		_ = cache.Close(context.Background())
		return nil, fmt.Errorf("start PDFium: %w", err)
	}
	return &engine{pool: pool, cache: cache}, nil
}

// close stops the pool and its runtime, and closes the cache (whose files
// stay on disk for the next start).
func (e *engine) close() error {
	err := e.pool.Close()
	if cerr := e.cache.Close(context.Background()); err == nil {
		err = cerr
	}
	return err
}

// discard is where PDFium's own console output goes: nothing in it is for
// the user, and a desktop app has no console to show it on.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
