package usage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/vigil-sec/vigil/internal/model"
)

// DefaultMaxFileSize caps how many bytes one log file may decompress to.
// CloudTrail delivers a file every few minutes, tens of megabytes at most; a
// file that inflates past this is more likely a decompression bomb than a
// log.
const DefaultMaxFileSize = 512 << 20

// DefaultDeliveryDelay is how long after an event CloudTrail is assumed to
// deliver it. CloudTrail delivers within about five minutes and retries
// for up to 30 days when the bucket is unreachable; a day covers the first
// without reading a month of files past the window for the second.
const DefaultDeliveryDelay = 24 * time.Hour

// ReadOptions says which events to read and how.
type ReadOptions struct {
	// Since and Until bound the window of event times, [Since, Until); a
	// zero time leaves that side open.
	Since, Until time.Time
	// MaxFileSize caps each file's decompressed size; 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// DeliveryDelay is how long after Until a log file may still be
	// delivered and hold events of the window; 0 means
	// DefaultDeliveryDelay, a negative value opens every later file.
	DeliveryDelay time.Duration
	// Concurrency is how many files are decoded at once; 0 means
	// GOMAXPROCS.
	Concurrency int
}

func (o ReadOptions) inWindow(t time.Time) bool {
	return (o.Since.IsZero() || !t.Before(o.Since)) && (o.Until.IsZero() || t.Before(o.Until))
}

// outside reports whether a file or directory delivered within [start,
// end) can hold only events outside the window: a file holds events written
// before its delivery, never after.
func (o ReadOptions) outside(start, end time.Time) bool {
	if !o.Since.IsZero() && !end.After(o.Since) {
		return true
	}
	if o.Until.IsZero() || o.DeliveryDelay < 0 {
		return false
	}
	delay := o.DeliveryDelay
	if delay == 0 {
		delay = DefaultDeliveryDelay
	}
	return !start.Before(o.Until.Add(delay))
}

// Stats counts what a Read did.
type Stats struct {
	// Files is how many log files were opened.
	Files int
	// FilesSkipped is how many log files the window excluded by their
	// delivery time in the name, without opening them.
	FilesSkipped int
	// DirsSkipped is how many date directories the window excluded
	// without listing them.
	DirsSkipped int
	// FilesBad is how many opened files could not be read whole; the
	// diagnostics say why.
	FilesBad int
	// Events is how many records fell in the window and were passed on.
	Events int
	// EventsOutside is how many records were read but fell outside the
	// window.
	EventsOutside int
	// RecordsBad is how many records did not decode as CloudTrail records.
	RecordsBad int
	// Bytes is how many decompressed bytes were decoded.
	Bytes int64
}

func (s *Stats) add(o Stats) {
	s.Files += o.Files
	s.FilesSkipped += o.FilesSkipped
	s.DirsSkipped += o.DirsSkipped
	s.FilesBad += o.FilesBad
	s.Events += o.Events
	s.EventsOutside += o.EventsOutside
	s.RecordsBad += o.RecordsBad
	s.Bytes += o.Bytes
}

// batchSize is how many events a worker hands over per lock.
const batchSize = 256

// Read reads every CloudTrail log file under fsys and calls fn for each
// record in the window. Files are CloudTrail's {"Records":[...]} files,
// `aws cloudtrail lookup-events` output, a JSON array of records or
// one record per line, each plain or gzip-compressed, named *.json,
// *.json.gz, *.jsonl, *.jsonl.gz, *.ndjson or *.ndjson.gz. In the S3 layout
// (AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/<file>, with an
// organization ID level or not) the directory dates and the delivery time
// in file names keep files outside the window unopened; digest and Insights
// directories are not read.
//
// A file that cannot be read whole is a diagnostic, with its position
// when the JSON is at fault; the records before the fault are kept and the
// other files are still read. The error is the context's, or one reading
// the root of fsys.
//
// Files are decoded concurrently; fn is called from one goroutine at a time
// and must not keep e.
func Read(ctx context.Context, fsys fs.FS, opts ReadOptions, fn func(e *Event)) (Stats, model.Diagnostics, error) {
	var st Stats
	var diags model.Diagnostics
	files, err := walk(ctx, fsys, opts, &st, &diags)
	if err != nil {
		return st, diags, err
	}
	limit := opts.Concurrency
	if limit <= 0 {
		limit = runtime.GOMAXPROCS(0)
	}
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	for _, name := range files {
		g.Go(func() error {
			fst, fdiags, err := readFile(gctx, fsys, name, opts, func(batch []Event) {
				mu.Lock()
				defer mu.Unlock()
				for i := range batch {
					fn(&batch[i])
				}
			})
			mu.Lock()
			st.add(fst)
			diags = append(diags, fdiags...)
			mu.Unlock()
			return err
		})
	}
	err = g.Wait()
	return st, diags.Sort(), err
}

// walk lists the log files to read, in lexical order, pruning what the
// window excludes.
func walk(ctx context.Context, fsys fs.FS, opts ReadOptions, st *Stats, diags *model.Diagnostics) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			diags.Errorf(model.Range{File: p}, "read directory: %v", err)
			return nil
		}
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if d.IsDir() {
			switch d.Name() {
			case "CloudTrail-Digest", "CloudTrail-Insight":
				return fs.SkipDir
			}
			if start, end, ok := dateDir(p); ok && opts.outside(start, end) {
				st.DirsSkipped++
				return fs.SkipDir
			}
			return nil
		}
		if !isLogName(d.Name()) {
			return nil
		}
		if t, ok := deliveryTime(d.Name()); ok && opts.outside(t, t.Add(time.Minute)) {
			st.FilesSkipped++
			return nil
		}
		if !d.Type().IsRegular() {
			// A symlink is read when it names a regular file inside
			// fsys (os.Root refuses to leave it); devices and pipes
			// are never opened.
			info, err := fs.Stat(fsys, p)
			switch {
			case err != nil:
				diags.Warnf(model.Range{File: p}, "skip log file: %v", err)
				return nil
			case !info.Mode().IsRegular():
				diags.Warnf(model.Range{File: p}, "skip log file: not a regular file")
				return nil
			}
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, fmt.Errorf("read log directory: %w", err)
	}
	return files, nil
}

func isLogName(name string) bool {
	name = strings.TrimSuffix(name, ".gz")
	return strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".ndjson")
}

// dateDir reads the delivery span of a CloudTrail date directory: the year,
// month or day after ".../CloudTrail/<region>/".
func dateDir(p string) (start, end time.Time, ok bool) {
	segs := strings.Split(p, "/")
	i := len(segs) - 1
	for i >= 0 && segs[i] != "CloudTrail" {
		i--
	}
	if i < 0 {
		return start, end, false
	}
	rest := segs[i+1:]
	if len(rest) < 2 || len(rest) > 4 {
		return start, end, false
	}
	nums := make([]int, 0, 3)
	for j, s := range rest[1:] {
		want := 2
		if j == 0 {
			want = 4
		}
		n, err := strconv.Atoi(s)
		if len(s) != want || err != nil || n < 0 {
			return start, end, false
		}
		nums = append(nums, n)
	}
	switch len(nums) {
	case 1:
		start = time.Date(nums[0], 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0), true
	case 2:
		if nums[1] < 1 || nums[1] > 12 {
			return start, end, false
		}
		start = time.Date(nums[0], time.Month(nums[1]), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 1, 0), true
	}
	start = time.Date(nums[0], time.Month(nums[1]), nums[2], 0, 0, 0, 0, time.UTC)
	if start.Month() != time.Month(nums[1]) || start.Day() != nums[2] {
		return start, end, false
	}
	return start, start.AddDate(0, 0, 1), true
}

// deliveryTime reads the delivery minute from a CloudTrail file name,
// <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz.
func deliveryTime(name string) (time.Time, bool) {
	_, rest, ok := strings.Cut(name, "_CloudTrail_")
	if !ok {
		return time.Time{}, false
	}
	parts := strings.Split(rest, "_")
	if len(parts) < 3 {
		return time.Time{}, false
	}
	t, err := time.Parse("20060102T1504Z", parts[1])
	return t, err == nil
}

// readFile decodes one log file, handing events of the window to emit in
// batches.
func readFile(ctx context.Context, fsys fs.FS, name string, opts ReadOptions, emit func([]Event)) (Stats, model.Diagnostics, error) {
	var st Stats
	var diags model.Diagnostics
	at := model.Range{File: name}
	f, err := fsys.Open(name)
	if err != nil {
		st.FilesBad++
		diags.Errorf(at, "open log file: %v", err)
		return st, diags, nil
	}
	defer f.Close()
	st.Files++
	batch := make([]Event, 0, batchSize)
	flush := func() error {
		emit(batch)
		batch = batch[:0]
		return ctx.Err()
	}
	res, err := Decode(f, opts.MaxFileSize, func(e *Event) error {
		if !opts.inWindow(e.Time) {
			st.EventsOutside++
			return nil
		}
		st.Events++
		batch = append(batch, *e)
		if len(batch) == batchSize {
			return flush()
		}
		return nil
	})
	if len(batch) > 0 {
		emit(batch)
	}
	st.RecordsBad += res.Bad
	st.Bytes += res.Bytes
	if cerr := ctx.Err(); cerr != nil {
		return st, diags, cerr
	}
	if res.FirstBad != nil {
		diags = append(diags, model.Diagnostic{
			Severity: model.DiagWarning,
			Summary:  fmt.Sprintf("skip %d malformed CloudTrail records", res.Bad),
			Detail:   fmt.Sprintf("first at offset %d: %v", res.FirstBad.Offset, res.FirstBad.Err),
			Range:    position(fsys, name, res.FirstBad.Offset, opts.MaxFileSize),
		})
	}
	if err != nil {
		st.FilesBad++
		r, where := at, ""
		if pe, ok := errors.AsType[*ParseError](err); ok {
			r = position(fsys, name, pe.Offset, opts.MaxFileSize)
			where = fmt.Sprintf("at offset %d: ", pe.Offset)
			err = pe.Err
		}
		diags = append(diags, model.Diagnostic{
			Severity: model.DiagError,
			Summary:  "read CloudTrail log: " + err.Error(),
			Detail:   fmt.Sprintf("%s%d records before the fault were read, the rest of the file was not", where, res.Records),
			Range:    r,
		})
	}
	return st, diags, nil
}

// position turns a byte offset in a file's text into a line and column by
// reading the file again, which only errors pay for.
func position(fsys fs.FS, name string, offset, maxSize int64) model.Range {
	at := model.Range{File: name}
	f, err := fsys.Open(name)
	if err != nil {
		return at
	}
	defer f.Close()
	r, err := text(f)
	if err != nil {
		return at
	}
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	offset = min(offset, maxSize)
	line, col := 1, 1
	buf := make([]byte, 32<<10)
	for offset > 0 {
		n, err := r.Read(buf[:min(int64(len(buf)), offset)])
		for _, c := range buf[:n] {
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		offset -= int64(n)
		if err != nil {
			break
		}
	}
	at.StartLine, at.StartCol = line, col
	return at
}
