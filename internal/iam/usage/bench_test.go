package usage

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"testing/fstest"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
)

// benchLog generates n events over files of perFile records each, gzipped
// as CloudTrail delivers them: a mix of S3 data events, management calls,
// denials and several principals, from a fixed seed.
func benchLog(b *testing.B, n, perFile int) (fstest.MapFS, int64) {
	b.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	roles := []string{"app", "etl", "web", "batch"}
	kinds := []func(role string, i int) string{
		func(role string, i int) string {
			return fmt.Sprintf(`"eventSource":"s3.amazonaws.com","eventName":"GetObject","eventCategory":"Data","requestParameters":{"bucketName":"data-%s","Host":"data-%s.s3.us-east-1.amazonaws.com","key":"reports/2024/03/%06d.csv"},"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::data-%s/reports/2024/03/%06d.csv"},{"accountId":"111122223333","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::data-%s"}]`, role, role, i, role, i, role)
		},
		func(role string, i int) string {
			return `"eventSource":"kms.amazonaws.com","eventName":"Decrypt","requestParameters":{"encryptionAlgorithm":"SYMMETRIC_DEFAULT","encryptionContext":{"aws:s3:arn":"arn:aws:s3:::data"}},"resources":[{"accountId":"111122223333","type":"AWS::KMS::Key","ARN":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]`
		},
		func(role string, i int) string {
			return `"eventSource":"sqs.amazonaws.com","eventName":"SendMessage","requestParameters":{"queueUrl":"https://sqs.us-east-1.amazonaws.com/111122223333/jobs","messageBody":"HIDDEN_DUE_TO_SECURITY_REASONS"}`
		},
		func(role string, i int) string {
			return `"eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances","requestParameters":{"instancesSet":{},"filterSet":{}}`
		},
		func(role string, i int) string {
			return `"eventSource":"iam.amazonaws.com","eventName":"ListRoles","errorCode":"AccessDenied","errorMessage":"User: arn:aws:sts::111122223333:assumed-role/app/s is not authorized to perform: iam:ListRoles"`
		},
	}
	fsys := fstest.MapFS{}
	var size int64
	for f := 0; f*perFile < n; f++ {
		var raw bytes.Buffer
		raw.WriteString(`{"Records":[`)
		for i := f * perFile; i < min(n, (f+1)*perFile); i++ {
			if i > f*perFile {
				raw.WriteByte(',')
			}
			role := roles[rng.IntN(len(roles))]
			fmt.Fprintf(&raw, `{"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:s","arn":"arn:aws:sts::111122223333:assumed-role/%s/s","accountId":"111122223333","accessKeyId":"ASIAEXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE","arn":"arn:aws:iam::111122223333:role/%s","accountId":"111122223333","userName":"%s"},"attributes":{"creationDate":"2024-03-01T08:00:00Z","mfaAuthenticated":"false"}}},"eventTime":"2024-03-01T%02d:%02d:%02dZ","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.10","userAgent":"aws-sdk-go-v2/1.24.0 os/linux lang/go#1.22","requestID":"R%d","eventID":"E%d","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333",%s}`,
				role, role, role, i/3600%24, i/60%60, i%60, i, i, kinds[rng.IntN(len(kinds))](role, i))
		}
		raw.WriteString("]}")
		size += int64(raw.Len())
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(raw.Bytes())
		if err := zw.Close(); err != nil {
			b.Fatal(err)
		}
		fsys[fmt.Sprintf("AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/111122223333_CloudTrail_us-east-1_20240301T%02d%02dZ_%016d.json.gz", f/60%24, f%60, f)] = &fstest.MapFile{Data: z.Bytes()}
	}
	return fsys, size
}

// BenchmarkCollect reads and aggregates 100k events, the order of a busy
// role's day of data events: decoding dominates.
func BenchmarkCollect(b *testing.B) {
	const n = 100_000
	fsys, size := benchLog(b, n, 2000)
	cat := catalog.Load()
	sel, _ := ParseSelector("role/app")
	b.Run("events=100000", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			r, err := Collect(context.Background(), fsys, cat, sel, ReadOptions{})
			if err != nil || r.Stats.Events != n {
				b.Fatalf("%v, %d events", err, r.Stats.Events)
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
}

// BenchmarkAdd measures attribution, mapping and resource derivation alone,
// over decoded events.
func BenchmarkAdd(b *testing.B) {
	fsys, _ := benchLog(b, 10_000, 10_000)
	var events []Event
	if _, _, err := Read(context.Background(), fsys, ReadOptions{}, func(e *Event) { events = append(events, *e) }); err != nil {
		b.Fatal(err)
	}
	cat := catalog.Load()
	b.ReportAllocs()
	for b.Loop() {
		c := NewCollector(cat, Selector{})
		for i := range events {
			c.Add(&events[i])
		}
	}
	b.ReportMetric(float64(len(events))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
