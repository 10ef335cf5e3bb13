package catalog

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// smallCatalog is a valid catalogue in the text form tools/iamdata writes.
const smallCatalog = `vigil-iam-catalog 1
keys 3
aws:SourceIp	IPAddress
s3:ExistingObjectTag/<key>	String
s3:prefix	String
globals 0
services 1
S	s3	Amazon S3	2	2	1,2
R	bucket	arn:${Partition}:s3:::${BucketName}	
R	object	arn:${Partition}:s3:::${BucketName}/${ObjectName}	
A	s3:GetObject	2	1	1
A	s3:ListBucket	1		0!=2;1
`

func TestParseCatalog(t *testing.T) {
	c, err := parseCatalog(smallCatalog)
	if err != nil {
		t.Fatal(err)
	}
	type ref struct {
		Type     string
		Required bool
		Keys     []string
	}
	type action struct {
		ID    int
		Name  string
		Level Level
		Keys  []string
		Refs  []ref
	}
	var got []action
	for _, a := range c.Actions() {
		var refs []ref
		for _, r := range a.Resources {
			refs = append(refs, ref{r.Type.Name, r.Required, r.ConditionKeys})
		}
		got = append(got, action{a.ID, a.String(), a.Level, a.ConditionKeys, refs})
	}
	want := []action{
		{0, "s3:GetObject", Read, []string{"s3:ExistingObjectTag/<key>"}, []ref{{"object", false, nil}}},
		{1, "s3:ListBucket", List, nil, []ref{{"bucket", true, []string{"s3:prefix"}}, {"object", false, nil}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
	if k := c.ConditionKey("aws:SourceIp"); k == nil || !k.Global {
		t.Errorf("aws:SourceIp = %+v, want a global key", k)
	}
	if k := c.ConditionKey("s3:prefix"); k == nil || k.Global {
		t.Errorf("s3:prefix = %+v, want a service key", k)
	}
}

func TestParseCatalogErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"header", "vigil-iam-catalog 1", "vigil-iam-catalog 2", "line 1: want header"},
		{"key count", "keys 3", "keys x", "want \"keys\""},
		{"too many keys", "keys 3", "keys 4", "malformed condition key"},
		{"key without type", "s3:prefix\tString", "s3:prefix", "malformed condition key"},
		{"globals", "globals 0", "global 0", "want globals"},
		{"global out of range", "globals 0", "globals 3", "out of range"},
		{"service count", "services 1", "services 2", "unexpected end of data"},
		{"service line", "S\ts3", "X\ts3", "want a service"},
		{"service counts", "Amazon S3\t2\t2", "Amazon S3\t2\tx", "malformed service counts"},
		{"service key", "2\t2\t1,2", "2\t2\t1,9", "out of range"},
		{"resource type", "R\tbucket\tarn:", "R\tbucket\tnot-an-arn:", "want a resource type"},
		{"action line", "A\ts3:GetObject", "B\ts3:GetObject", "want an action"},
		{"action service", "A\ts3:GetObject", "A\tec2:GetObject", "malformed action name"},
		{"action order", "A\ts3:ListBucket", "A\ts3:Abort", "out of order"},
		{"action name", "A\ts3:ListBucket", "A\ts3:List*", "malformed action name"},
		{"service prefix", "S\ts3", "S\ts3:x", "want a service"},
		{"level", "s3:GetObject\t2", "s3:GetObject\t7", "access level"},
		{"action key", "s3:GetObject\t2\t1\t1", "s3:GetObject\t2\tk\t1", "out of range"},
		{"resource ref", "0!=2;1", "0!=2;5", "resource type number"},
		{"trailing", "0!=2;1\n", "0!=2;1\nmore\n", "trailing data"},
		{"truncated", "A\ts3:ListBucket\t1\t\t0!=2;1\n", "", "unexpected end of data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(smallCatalog, tc.old, tc.new, 1)
			if text == smallCatalog {
				t.Fatalf("%q is not in the fixture", tc.old)
			}
			_, err := parseCatalog(text)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
}

func TestParsePolicies(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"valid", "vigil-iam-managed-policies 1\nA\t{}\nservice-role/B\t{\"x\":1}\n", ""},
		{"header", "vigil-iam-managed-policies 2\n", "want header"},
		{"no document", "vigil-iam-managed-policies 1\nA\n", "malformed managed policy"},
		{"not an object", "vigil-iam-managed-policies 1\nA\t[]\n", "malformed managed policy"},
		{"empty", "", "want header"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := parsePolicies(tc.text)
			if tc.want == "" {
				if err != nil || p.paths["b"] != "service-role/B" || p.docs["service-role/B"] != `{"x":1}` {
					t.Errorf("policies %+v, error %v", p, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
}

func TestDecodeGzip(t *testing.T) {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write([]byte(smallCatalog))
	w.Close()
	if _, err := decode(buf.Bytes(), nil); err != nil {
		t.Errorf("decode of a gzipped catalogue: %v", err)
	}
	if _, err := decode([]byte(smallCatalog), nil); err == nil {
		t.Error("decode of text that is not gzip did not fail")
	}
	if _, err := decode(buf.Bytes()[:buf.Len()/2], nil); err == nil {
		t.Error("decode of truncated gzip did not fail")
	}
}

func FuzzParseCatalog(f *testing.F) {
	f.Add(smallCatalog)
	f.Add(strings.Replace(smallCatalog, "0!=2;1", "0!=;;1", 1))
	f.Add(strings.Replace(smallCatalog, "arn:${Partition}:s3:::${BucketName}", "arn:${", 1))
	f.Fuzz(func(t *testing.T, text string) {
		c, err := parseCatalog(text)
		if err != nil {
			return
		}
		for id, a := range c.Actions() {
			if a.ID != id || c.Action(a.String()) != a {
				t.Errorf("action %s: ID %d at %d, or not found by name", a, a.ID, id)
			}
			for _, r := range a.Resources {
				r.Type.Matches(a.String())
			}
		}
	})
}
