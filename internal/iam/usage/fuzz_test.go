package usage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
)

// FuzzParse decodes arbitrary log text and runs every record through
// attribution, mapping and resource derivation: nothing may panic, and the
// counts must add up.
func FuzzParse(f *testing.F) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "trail.txtar"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range ar.Files {
		f.Add(file.Data)
	}
	if data, err := os.ReadFile(filepath.Join(fixtureRoot, "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/111122223333_CloudTrail_us-east-1_20240301T0905Z_a1B2c3D4e5F6g7H8.json.gz")); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"Records":[{"eventSource":"s3.amazonaws.com","eventName":"CopyObject","requestParameters":{"bucketName":"b","key":"*?${x}","x-amz-copy-source":"%zz/k"}}]}`))
	f.Add([]byte(`{"Events":[{"CloudTrailEvent":"{\"eventSource\":\"lambda.amazonaws.com\",\"eventName\":\"Invoke\",\"requestParameters\":{\"functionName\":\"a:b:c\"}}"}]}`))
	cat := catalog.Load()
	f.Fuzz(func(t *testing.T, data []byte) {
		c := NewCollector(cat, Selector{})
		res, err := Decode(bytes.NewReader(data), 1<<20, func(e *Event) error {
			c.Add(e)
			return nil
		})
		if res.Records < 0 || res.Bad < 0 || (res.Bad > 0) != (res.FirstBad != nil) {
			t.Fatalf("result %+v", res)
		}
		if pe, ok := err.(*ParseError); ok && (pe.Offset < 0 || pe.Offset > res.Bytes) {
			t.Fatalf("offset %d outside the %d bytes read", pe.Offset, res.Bytes)
		}
		r := c.Report()
		calls := r.NotAPICalls + r.Unattributed
		for _, u := range r.Principals {
			calls += u.Calls
			u.Policy(PolicyOptions{Collapse: 1}).JSON()
		}
		if calls != res.Records {
			t.Fatalf("%d records, %d accounted for", res.Records, calls)
		}
	})
}
