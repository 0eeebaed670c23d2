// Package atomicfile is PlanDesk's one way of writing a file that must
// never be seen half-written: everything goes to a temporary file in the
// same folder, which is synced to the disk and only then renamed over the
// target, and the folder is synced so the rename itself survives a power
// cut. Exports, backups and restores all go through it.
//
// It is pure Go and imports nothing of PlanDesk, GORM or Fyne.
package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Mode is the permission of every file written: readable by everyone, as a
// spreadsheet or a picture saved by any other program would be.
const Mode = 0o644

// Write writes path with write, which is given a buffered writer on the
// temporary file. On any error the temporary file is removed, path is left
// as it was, and the error names path.
func Write(path string, write func(w io.Writer) error) error {
	return Place(path, func(tmp string) error {
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, Mode)
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(f, 256<<10)
		err = write(bw)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
}

// WriteFile writes data to path as Write does.
func WriteFile(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Place is Write for a producer that creates the file itself, such as
// SQLite's VACUUM INTO: fill is given a free temporary name in path's
// folder and must create the file there. Place then syncs it, renames it
// over path and syncs the folder; on any error the temporary file is
// removed and path is left as it was.
func Place(path string, fill func(tmp string) error) error {
	tmp, err := reserve(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	err = fill(tmp)
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		err = os.Chmod(tmp, Mode)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// TempPattern is the name pattern of the temporary files, hidden and
// ending in .tmp, so a folder listing tells them apart from real files.
func TempPattern(path string) string { return "." + filepath.Base(path) + ".*.tmp" }

// reserve finds a free temporary name beside path and leaves no file
// there: the producer creates it.
func reserve(path string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), TempPattern(path))
	if err != nil {
		return "", err
	}
	name := f.Name()
	_ = f.Close()
	if err := os.Remove(name); err != nil {
		return "", err
	}
	return name, nil
}

// syncFile flushes a file to the disk, so that the rename after it never
// points at data still in the cache when the power goes.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir flushes a folder's entries, making a rename in it durable. Not
// every system can sync a folder (Windows cannot open one for it); the
// file's own data is synced already, so a failure here is not reported.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
