package aws

import (
	"github.com/vigil-sec/vigil/internal/model/aws/apigateway"
	"github.com/vigil-sec/vigil/internal/model/aws/backup"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudfront"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudtrail"
	"github.com/vigil-sec/vigil/internal/model/aws/cloudwatch"
	"github.com/vigil-sec/vigil/internal/model/aws/config"
	"github.com/vigil-sec/vigil/internal/model/aws/dynamodb"
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
	"github.com/vigil-sec/vigil/internal/model/aws/ecr"
	"github.com/vigil-sec/vigil/internal/model/aws/ecs"
	"github.com/vigil-sec/vigil/internal/model/aws/efs"
	"github.com/vigil-sec/vigil/internal/model/aws/eks"
	"github.com/vigil-sec/vigil/internal/model/aws/elasticache"
	"github.com/vigil-sec/vigil/internal/model/aws/elb"
	"github.com/vigil-sec/vigil/internal/model/aws/guardduty"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
	"github.com/vigil-sec/vigil/internal/model/aws/lambda"
	"github.com/vigil-sec/vigil/internal/model/aws/neptune"
	"github.com/vigil-sec/vigil/internal/model/aws/opensearch"
	"github.com/vigil-sec/vigil/internal/model/aws/organizations"
	"github.com/vigil-sec/vigil/internal/model/aws/rds"
	"github.com/vigil-sec/vigil/internal/model/aws/redshift"
	"github.com/vigil-sec/vigil/internal/model/aws/s3"
	"github.com/vigil-sec/vigil/internal/model/aws/secretsmanager"
	"github.com/vigil-sec/vigil/internal/model/aws/securityhub"
	"github.com/vigil-sec/vigil/internal/model/aws/sns"
	"github.com/vigil-sec/vigil/internal/model/aws/sqs"
	"github.com/vigil-sec/vigil/internal/model/aws/ssm"
	"github.com/vigil-sec/vigil/internal/model/aws/vpc"
)

// State is everything known about one AWS estate (one or many accounts).
type State struct {
	S3             s3.State
	IAM            iam.State
	Organizations  organizations.State
	KMS            kms.State
	SecretsManager secretsmanager.State
	SSM            ssm.State
	EC2            ec2.State
	VPC            vpc.State
	ELB            elb.State
	CloudFront     cloudfront.State
	APIGateway     apigateway.State
	RDS            rds.State
	Neptune        neptune.State
	DynamoDB       dynamodb.State
	ElastiCache    elasticache.State
	Redshift       redshift.State
	EFS            efs.State
	OpenSearch     opensearch.State
	Backup         backup.State
	ECR            ecr.State
	ECS            ecs.State
	EKS            eks.State
	Lambda         lambda.State
	CloudTrail     cloudtrail.State
	CloudWatch     cloudwatch.State
	Config         config.State
	GuardDuty      guardduty.State
	SecurityHub    securityhub.State
	SNS            sns.State
	SQS            sqs.State
}
