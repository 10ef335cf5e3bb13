package terraform_test

import (
	"context"
	"fmt"
	"testing/fstest"

	"github.com/vigil-sec/vigil/internal/source/terraform"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

func ExampleLoad() {
	fsys := fstest.MapFS{
		"main.tf": {Data: []byte(`
variable "env" {
  default = "prod"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs-${var.env}"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
}
`)},
	}
	res, err := terraform.Load(context.Background(), fsys, ".", terraform.Options{})
	if err != nil {
		panic(err)
	}
	set := tfres.NewSet(res.Resources)
	for _, r := range res.Resources {
		fmt.Println(r.Address, r.Body.Origin.Range)
	}
	v := set.Get("aws_s3_bucket_versioning.logs")
	bucket, link := set.Resolve(v.Body, "bucket", []string{"aws_s3_bucket"}, "bucket")
	fmt.Println(bucket.Address, link == tfres.Linked, bucket.Body.String("bucket", "").Val())
	// Output:
	// aws_s3_bucket.logs main.tf:6-8
	// aws_s3_bucket_versioning.logs main.tf:10-12
	// aws_s3_bucket.logs true logs-prod
}
