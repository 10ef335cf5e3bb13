package usage

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ParseError locates a problem in a log file's JSON.
type ParseError struct {
	// Offset is the byte offset in the decompressed text.
	Offset int64
	Err    error
}

func (e *ParseError) Error() string { return fmt.Sprintf("offset %d: %v", e.Offset, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

// SizeError says a file decompressed past the size cap.
type SizeError struct{ Max int64 }

func (e *SizeError) Error() string {
	return fmt.Sprintf("decompressed size exceeds %d bytes (a decompression bomb?)", e.Max)
}

// errNotRecord marks a JSON value that is not a CloudTrail record.
var errNotRecord = errors.New("not a CloudTrail record: no eventSource or eventName")

// DecodeResult counts what Decode read.
type DecodeResult struct {
	// Records is how many records were passed to fn.
	Records int
	// Bad is how many values inside the file did not decode as records;
	// FirstBad says where the first was.
	Bad      int
	FirstBad *ParseError
	// Bytes is how many decompressed bytes were read.
	Bytes int64
}

// Decode reads one log file's records from r, plain or gzip-compressed, and
// calls fn for each (see Read for the formats). A record that does not
// decode is counted in the result and skipped. The error says why the rest
// of the stream could not be read (malformed JSON as a *ParseError, a
// *SizeError past maxSize, a gzip fault) or is fn's; records before it have
// been passed to fn. maxSize 0 means DefaultMaxFileSize.
func Decode(r io.Reader, maxSize int64, fn func(e *Event) error) (DecodeResult, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	src, err := text(r)
	if err != nil {
		return DecodeResult{}, err
	}
	d := &decoder{fn: fn, src: &capReader{r: src, max: maxSize}}
	err = d.run(d.src)
	d.res.Bytes = d.src.n
	if pe, ok := errors.AsType[*ParseError](err); ok {
		pe.Offset += d.bom
	}
	if d.res.FirstBad != nil {
		d.res.FirstBad.Offset += d.bom
	}
	return d.res, err
}

// text returns r's text, decompressed when r starts with gzip's magic
// number (CloudTrail's .json.gz files, or any file gzip wrote).
func text(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read gzip header: %w", err)
		}
		return gz, nil
	}
	return br, nil
}

// capReader fails with a *SizeError once more than max bytes are read, and
// keeps the first read error so the decoder can tell a broken stream from
// broken JSON.
type capReader struct {
	r   io.Reader
	n   int64
	max int64
	err error
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if rem := c.max + 1 - c.n; int64(len(p)) > rem {
		p = p[:rem]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.max {
		c.n = c.max
		n--
		err = &SizeError{Max: c.max}
	}
	if err != nil && !errors.Is(err, io.EOF) {
		c.err = err
	}
	return n, err
}

type decoder struct {
	fn  func(*Event) error
	src *capReader
	dec *json.Decoder
	res DecodeResult
	// bom is the length of a byte-order mark the JSON decoder did not see,
	// added to its offsets.
	bom int64
}

// run dispatches on the file's shape: {"Records":[...]} and lookup-events
// output are objects whose first key names the list; anything else that
// starts with '{' is one record per value, and '[' an array of records.
func (d *decoder) run(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	first, key, bom, err := peekStart(br)
	d.bom = int64(bom)
	if err != nil {
		return err
	}
	d.dec = json.NewDecoder(br)
	switch {
	case first == 0:
		return nil
	case first == '[':
		if _, err := d.dec.Token(); err != nil {
			return d.syntax(err)
		}
		if err := d.records(false); err != nil {
			return err
		}
		if err := d.end(); err != nil {
			return err
		}
		return d.trailing()
	case first == '{' && (key == "Records" || key == "Events" || key == "NextToken"):
		return d.wrapper()
	case first == '{':
		return d.stream()
	}
	return &ParseError{Err: fmt.Errorf("not JSON: starts with %q", first)}
}

// peekStart returns the first non-space byte (0 at EOF) and, for an
// object, its first key when it is in the buffered prefix. It drops a
// byte-order mark, which the JSON decoder would refuse, and returns its
// length.
func peekStart(br *bufio.Reader) (first byte, key string, bom int, err error) {
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		bom, _ = br.Discard(3)
	}
	// A read error after some bytes surfaces again when the decoder reads
	// on (capReader keeps it), after the records before it.
	buf, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && len(buf) == 0 {
		return 0, "", bom, err
	}
	rest := bytes.TrimLeft(buf, " \t\r\n")
	if len(rest) == 0 {
		return 0, "", bom, nil
	}
	if rest[0] != '{' {
		return rest[0], "", bom, nil
	}
	k := bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(k) == 0 || k[0] != '"' {
		return '{', "", bom, nil
	}
	end := bytes.IndexByte(k[1:], '"')
	if end < 0 {
		return '{', "", bom, nil
	}
	return '{', string(k[1 : 1+end]), bom, nil
}

// wrapper reads an object holding the record list under "Records"
// (CloudTrail files) or "Events" (lookup-events output) and skips other keys.
func (d *decoder) wrapper() error {
	if _, err := d.dec.Token(); err != nil {
		return d.syntax(err)
	}
	for d.dec.More() {
		tok, err := d.dec.Token()
		if err != nil {
			return d.syntax(err)
		}
		key, _ := tok.(string)
		switch key {
		case "Records", "Events":
			if err := d.expectArray(); err != nil {
				return err
			}
			if err := d.records(key == "Events"); err != nil {
				return err
			}
			if err := d.end(); err != nil {
				return err
			}
		default:
			var skip json.RawMessage
			if err := d.dec.Decode(&skip); err != nil {
				return d.syntax(err)
			}
		}
	}
	if err := d.end(); err != nil {
		return err
	}
	return d.trailing()
}

// expectArray consumes '[' or reports a null list as empty.
func (d *decoder) expectArray() error {
	off := d.dec.InputOffset()
	tok, err := d.dec.Token()
	if err != nil {
		return d.syntax(err)
	}
	if tok == json.Delim('[') {
		return nil
	}
	return &ParseError{Offset: off, Err: fmt.Errorf("record list is %v, not an array", tok)}
}

// end consumes a closing delimiter.
func (d *decoder) end() error {
	if _, err := d.dec.Token(); err != nil {
		return d.syntax(err)
	}
	return nil
}

// trailing reports anything after the top-level value.
func (d *decoder) trailing() error {
	off := d.dec.InputOffset()
	if _, err := d.dec.Token(); !errors.Is(err, io.EOF) {
		if err == nil {
			err = errors.New("data after the record list")
		}
		return d.syntaxAt(off, err)
	}
	return nil
}

// lookupEvent is one element of lookup-events output: the record is a JSON
// string.
type lookupEvent struct {
	CloudTrailEvent string
}

// records decodes array elements up to the closing ']'.
func (d *decoder) records(lookup bool) error {
	for d.dec.More() {
		off := d.dec.InputOffset()
		var e Event
		if !lookup {
			if err := d.record(off, &e, d.dec.Decode(&e)); err != nil {
				return err
			}
			continue
		}
		var le lookupEvent
		if err := d.dec.Decode(&le); err != nil && d.fatal(err) {
			return d.syntax(err)
		}
		// The record is a string inside a valid value: whatever is
		// wrong with it is wrong with this record only.
		if err := json.Unmarshal([]byte(le.CloudTrailEvent), &e); err != nil {
			d.bad(off, err)
			continue
		}
		if err := d.record(off, &e, nil); err != nil {
			return err
		}
	}
	return nil
}

// stream decodes top-level records, one after another (JSON Lines). The
// first value must be a record: a JSON file of another kind is not a log.
func (d *decoder) stream() error {
	for {
		off := d.dec.InputOffset()
		var e Event
		err := d.dec.Decode(&e)
		if errors.Is(err, io.EOF) && d.src.err == nil {
			return nil
		}
		if err == nil && off == 0 && !e.valid() {
			return &ParseError{Err: errors.New("not a CloudTrail log: the first value is not a record")}
		}
		if err := d.record(off, &e, err); err != nil {
			return err
		}
	}
}

// fatal reports whether a Decode error leaves the stream unreadable: JSON
// syntax and read errors do; errors decoding a complete value into a
// record (a wrong type, a malformed time) leave the decoder at the next
// value.
func (d *decoder) fatal(err error) bool {
	if d.src.err != nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	_, ok := errors.AsType[*json.SyntaxError](err)
	return ok
}

// record passes a decoded record on, or counts it as bad.
func (d *decoder) record(off int64, e *Event, err error) error {
	if err != nil && d.fatal(err) {
		return d.syntax(err)
	}
	if err == nil && !e.valid() {
		err = errNotRecord
	}
	if err != nil {
		d.bad(off, err)
		return nil
	}
	d.res.Records++
	return d.fn(e)
}

func (d *decoder) bad(off int64, err error) {
	d.res.Bad++
	if d.res.FirstBad == nil {
		d.res.FirstBad = &ParseError{Offset: off, Err: err}
	}
}

func (e *Event) valid() bool { return e.Source != "" && e.Name != "" }

// syntax turns a decoder error into a located one; read errors (the size
// cap, gzip faults) pass through.
func (d *decoder) syntax(err error) error { return d.syntaxAt(d.dec.InputOffset(), err) }

// syntaxAt locates err, a decoder error at or after off. The offsets of
// json.Decoder's syntax errors count only the bytes its value scanner saw,
// not the delimiters Token consumed, so a value's error is located by
// scanning the value again from where the decoder stands.
func (d *decoder) syntaxAt(off int64, err error) error {
	if d.src.err != nil {
		return d.src.err
	}
	start := d.dec.InputOffset()
	se, isSyntax := errors.AsType[*json.SyntaxError](err)
	switch {
	case isSyntax && se.Offset == start:
		// Token's own errors carry the stream offset.
		return &ParseError{Offset: start, Err: err}
	case isSyntax:
		return &ParseError{Offset: d.rescan(start), Err: err}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &ParseError{Offset: d.rescan(start), Err: io.ErrUnexpectedEOF}
	}
	return &ParseError{Offset: off, Err: err}
}

// rescan finds the offset of the first syntax error in the text the
// decoder holds from start, or the end of that text.
func (d *decoder) rescan(start int64) int64 {
	rest, _ := io.ReadAll(d.dec.Buffered())
	var v json.RawMessage
	if se, ok := errors.AsType[*json.SyntaxError](json.Unmarshal(rest, &v)); ok {
		// The scanner counts the offending byte.
		return start + max(se.Offset-1, 0)
	}
	return start + int64(len(rest))
}
