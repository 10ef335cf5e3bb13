package tfaws

import (
	"github.com/vigil-sec/vigil/internal/model/aws"
	apigatewayadapt "github.com/vigil-sec/vigil/internal/source/tfaws/apigateway"
	backupadapt "github.com/vigil-sec/vigil/internal/source/tfaws/backup"
	cloudfrontadapt "github.com/vigil-sec/vigil/internal/source/tfaws/cloudfront"
	cloudtrailadapt "github.com/vigil-sec/vigil/internal/source/tfaws/cloudtrail"
	cloudwatchadapt "github.com/vigil-sec/vigil/internal/source/tfaws/cloudwatch"
	configadapt "github.com/vigil-sec/vigil/internal/source/tfaws/config"
	dynamodbadapt "github.com/vigil-sec/vigil/internal/source/tfaws/dynamodb"
	ec2adapt "github.com/vigil-sec/vigil/internal/source/tfaws/ec2"
	ecradapt "github.com/vigil-sec/vigil/internal/source/tfaws/ecr"
	ecsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/ecs"
	efsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/efs"
	eksadapt "github.com/vigil-sec/vigil/internal/source/tfaws/eks"
	elasticacheadapt "github.com/vigil-sec/vigil/internal/source/tfaws/elasticache"
	elbadapt "github.com/vigil-sec/vigil/internal/source/tfaws/elb"
	guarddutyadapt "github.com/vigil-sec/vigil/internal/source/tfaws/guardduty"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	lambdaadapt "github.com/vigil-sec/vigil/internal/source/tfaws/lambda"
	neptuneadapt "github.com/vigil-sec/vigil/internal/source/tfaws/neptune"
	opensearchadapt "github.com/vigil-sec/vigil/internal/source/tfaws/opensearch"
	organizationsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/organizations"
	rdsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/rds"
	redshiftadapt "github.com/vigil-sec/vigil/internal/source/tfaws/redshift"
	s3adapt "github.com/vigil-sec/vigil/internal/source/tfaws/s3"
	secretsmanageradapt "github.com/vigil-sec/vigil/internal/source/tfaws/secretsmanager"
	securityhubadapt "github.com/vigil-sec/vigil/internal/source/tfaws/securityhub"
	snsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/sns"
	sqsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/sqs"
	ssmadapt "github.com/vigil-sec/vigil/internal/source/tfaws/ssm"
	vpcadapt "github.com/vigil-sec/vigil/internal/source/tfaws/vpc"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// Adapt builds the typed AWS state from evaluated resources.
func Adapt(set *tfres.Set) *aws.State {
	return &aws.State{
		S3:             s3adapt.Adapt(set),
		IAM:            iamadapt.Adapt(set),
		Organizations:  organizationsadapt.Adapt(set),
		KMS:            kmsadapt.Adapt(set),
		SecretsManager: secretsmanageradapt.Adapt(set),
		SSM:            ssmadapt.Adapt(set),
		EC2:            ec2adapt.Adapt(set),
		VPC:            vpcadapt.Adapt(set),
		ELB:            elbadapt.Adapt(set),
		CloudFront:     cloudfrontadapt.Adapt(set),
		APIGateway:     apigatewayadapt.Adapt(set),
		RDS:            rdsadapt.Adapt(set),
		Neptune:        neptuneadapt.Adapt(set),
		DynamoDB:       dynamodbadapt.Adapt(set),
		ElastiCache:    elasticacheadapt.Adapt(set),
		Redshift:       redshiftadapt.Adapt(set),
		EFS:            efsadapt.Adapt(set),
		OpenSearch:     opensearchadapt.Adapt(set),
		Backup:         backupadapt.Adapt(set),
		ECR:            ecradapt.Adapt(set),
		ECS:            ecsadapt.Adapt(set),
		EKS:            eksadapt.Adapt(set),
		Lambda:         lambdaadapt.Adapt(set),
		CloudTrail:     cloudtrailadapt.Adapt(set),
		CloudWatch:     cloudwatchadapt.Adapt(set),
		Config:         configadapt.Adapt(set),
		GuardDuty:      guarddutyadapt.Adapt(set),
		SecurityHub:    securityhubadapt.Adapt(set),
		SNS:            snsadapt.Adapt(set),
		SQS:            sqsadapt.Adapt(set),
	}
}
