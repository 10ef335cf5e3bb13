package app

import (
	"io/fs"
	"path"
)

// excludeFS hides paths a user excluded (config exclude-paths), so no
// source needs to know about exclusions: they never see the files.
type excludeFS struct {
	fs.FS
	excluded func(name string) bool
}

func (e excludeFS) Open(name string) (fs.File, error) {
	if name != "." && e.excluded(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return e.FS.Open(name)
}

func (e excludeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." && e.excluded(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(e.FS, name)
	out := entries[:0]
	for _, d := range entries {
		if !e.excluded(path.Join(name, d.Name())) {
			out = append(out, d)
		}
	}
	return out, err
}

func (e excludeFS) Stat(name string) (fs.FileInfo, error) {
	if name != "." && e.excluded(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(e.FS, name)
}

func (e excludeFS) ReadFile(name string) ([]byte, error) {
	if name != "." && e.excluded(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	return fs.ReadFile(e.FS, name)
}
