package cloudtrail

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the CloudTrail resources of an estate.
type State struct {
	Trails []*Trail
}

// Trail is a CloudTrail trail with its delivery, integrity and selection
// settings.
type Trail struct {
	model.Resource
	// TrailName is the trail's name.
	TrailName model.String
	// Logging reports whether the trail is recording events.
	Logging model.Bool
	// MultiRegion reports whether the trail records events in every region.
	MultiRegion model.Bool
	// OrganizationTrail reports whether the trail records the events of every
	// account of the organization.
	OrganizationTrail model.Bool
	// IncludeGlobalServiceEvents reports whether events of global services
	// (IAM, STS, CloudFront) are recorded.
	IncludeGlobalServiceEvents model.Bool
	// LogFileValidation reports whether CloudTrail writes signed digest files.
	LogFileValidation model.Bool
	// EncryptionKey is the KMS key that encrypts log files; its ID is "" when
	// SSE-S3 is used.
	EncryptionKey kms.KeyRef
	// S3BucketName is the bucket the log files are delivered to.
	S3BucketName model.String
	// S3BucketID is the model ID of the delivery bucket when it is part of the
	// same estate; otherwise the bucket name as written (a bucket outside the
	// configuration); unknown when the link cannot be resolved.
	S3BucketID model.String
	CloudWatch CloudWatchDelivery
	// Selectors says which events the trail records.
	Selectors Selectors
	// InsightTypes lists the enabled CloudTrail Insights types
	// ("ApiCallRateInsight", "ApiErrorRateInsight").
	InsightTypes model.List[string]
}

// CloudWatchDelivery is where a trail also sends its events: a CloudWatch
// Logs log group.
type CloudWatchDelivery struct {
	// LogGroupARN is the log group's ARN; "" when the trail does not deliver
	// to CloudWatch Logs.
	LogGroupARN model.String
	// LogGroupID is the model ID of that log group when it is part of the same
	// estate; otherwise the log group ARN as written (a group outside the
	// configuration); "" when the trail does not deliver to CloudWatch Logs;
	// unknown when the link cannot be resolved.
	LogGroupID model.String
	// RoleARN is the role CloudTrail assumes to write to the log group.
	RoleARN model.String
}

// Selectors are a trail's event selectors. A trail uses either basic or
// advanced selectors; with neither, it records every management event and no
// data event.
//
// A selector whose existence is known but whose content is not (one generated
// from an unknown collection) is present with unknown values, so a question
// such as "does some selector record S3 object writes" is unknown rather than
// false.
type Selectors struct {
	Basic    []*EventSelector
	Advanced []*AdvancedEventSelector
}

// EventSelector is a basic event selector.
type EventSelector struct {
	Origin model.Origin
	// ReadWriteType is "All", "ReadOnly" or "WriteOnly".
	ReadWriteType           model.String
	IncludeManagementEvents model.Bool
	DataResources           []*DataResource
}

// DataResource selects data events of one resource type.
type DataResource struct {
	Origin model.Origin
	// Type is e.g. "AWS::S3::Object" or "AWS::Lambda::Function".
	Type model.String
	// Values are ARNs or ARN prefixes ("arn:aws:s3" selects every bucket).
	Values model.List[string]
}

// AdvancedEventSelector is an advanced event selector: every field selector
// must hold for an event to be recorded.
type AdvancedEventSelector struct {
	Origin model.Origin
	Name   model.String
	Fields []*FieldSelector
}

// FieldSelector is one condition of an advanced event selector.
type FieldSelector struct {
	Origin model.Origin
	// Field is e.g. "eventCategory", "resources.type", "readOnly", "eventName".
	Field         model.String
	Equals        model.List[string]
	NotEquals     model.List[string]
	StartsWith    model.List[string]
	NotStartsWith model.List[string]
	EndsWith      model.List[string]
	NotEndsWith   model.List[string]
}
