package report_test

import (
	"fmt"
	"os"
	"time"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/report"
)

// The CLI builds a Report from a scan and picks a renderer by name; colour
// and width come from the CLI, never from the renderer's own environment.
func ExampleNew() {
	versioning := &check.Check{ID: "AWS-S3-003", Slug: "aws-s3-bucket-versioning-disabled", Title: "S3 bucket versioning is not enabled", Severity: check.Medium}
	bucket := model.Resource{ID: "aws_s3_bucket.logs", Type: "aws_s3_bucket", Origin: model.Origin{Range: model.Range{File: "main.tf", StartLine: 3, EndLine: 9}}}
	r := &report.Report{
		Tool:      report.Tool{Name: "vigil", Version: "v0.4.0"},
		Target:    ".",
		StartedAt: time.Date(2026, 11, 22, 10, 30, 0, 0, time.UTC),
		Duration:  40 * time.Millisecond,
		Checks:    []*check.Check{versioning},
		Findings: []check.Finding{{
			Check: versioning, Status: check.Fail, Resource: bucket, Origin: bucket.Origin,
			Message: "Bucket logs does not have versioning enabled.",
		}},
	}
	rd, err := report.New("table", report.Options{Width: 80})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := rd.Render(os.Stdout, r); err != nil {
		fmt.Println(err)
	}
	// Output:
	// MEDIUM (1)
	//   AWS-S3-003  MEDIUM  S3 bucket versioning is not enabled
	//     resource  aws_s3_bucket.logs
	//     at        main.tf:3-9
	//     Bucket logs does not have versioning enabled.
	//
	// 1 finding: 0 critical, 0 high, 1 medium, 0 low, 0 info
	// 0 passed, 0 suppressed, 0 diagnostics (0 errors, 0 warnings)
	// Scanned .: 1 resource in 1 file, 1 check, 40ms
}
