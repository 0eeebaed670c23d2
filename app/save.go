package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// askSavePath asks where to save a file, offering name in a dialog that
// lists files with the extensions exts, and calls then with the chosen
// path. The dialog creates the file; it is closed empty here, because every
// export writes through a temporary file renamed into place. errTitle heads
// the error dialog if the choice fails.
func (d *desk) askSavePath(errTitle, name string, exts []string, then func(path string)) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			d.showTitledError(errTitle, err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		then(path)
	}, d.win)
	save.SetFileName(name)
	save.SetFilter(storage.NewExtensionFileFilter(exts))
	save.Resize(fyne.NewSize(900, 600))
	save.Show()
}

// askOpenPath asks for a file to read, of one of the extensions exts,
// starting in dir when it is not "", and calls then with its path on the
// UI thread; a failing dialog is shown under errTitle.
func (d *desk) askOpenPath(errTitle string, exts []string, dir string, then func(path string)) {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			d.showTitledError(errTitle, err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		then(path)
	}, d.win)
	open.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			open.SetLocation(l)
		}
	}
	open.Resize(fyne.NewSize(900, 600))
	open.Show()
}

// withExtension returns path ending in ext, removing the empty file the
// save dialog created under a name without it.
func withExtension(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	_ = os.Remove(path)
	return path + ext
}
