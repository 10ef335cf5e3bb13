package builtin

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/apigateway"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/backup"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/cloudfront"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/cloudtrail"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/cloudwatch"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/config"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/dynamodb"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/ec2"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/ecr"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/ecs"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/efs"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/eks"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/elasticache"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/elb"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/guardduty"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/iam"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/kms"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/lambda"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/neptune"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/opensearch"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/rds"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/redshift"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/s3"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/secretsmanager"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/securityhub"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/sns"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/sqs"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/ssm"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/vpc"
)

// Checks returns every built-in check.
func Checks() []*check.Check {
	var out []*check.Check
	for _, group := range [][]*check.Check{
		apigateway.Checks(),
		backup.Checks(),
		cloudfront.Checks(),
		cloudtrail.Checks(),
		cloudwatch.Checks(),
		config.Checks(),
		dynamodb.Checks(),
		ec2.Checks(),
		ecr.Checks(),
		ecs.Checks(),
		efs.Checks(),
		eks.Checks(),
		elasticache.Checks(),
		elb.Checks(),
		guardduty.Checks(),
		iam.Checks(),
		kms.Checks(),
		lambda.Checks(),
		neptune.Checks(),
		opensearch.Checks(),
		rds.Checks(),
		redshift.Checks(),
		s3.Checks(),
		secretsmanager.Checks(),
		securityhub.Checks(),
		sns.Checks(),
		sqs.Checks(),
		ssm.Checks(),
		vpc.Checks(),
	} {
		out = append(out, group...)
	}
	return out
}

// Registry returns the registry of every built-in check.
func Registry() (*check.Registry, error) { return check.NewRegistry(Checks()...) }
