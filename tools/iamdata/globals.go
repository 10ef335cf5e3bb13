package main

// globalKeys are the condition keys every service accepts: AWS global
// condition context keys and the cross-service keys AWS documents with them
// ("AWS global condition context keys" and "Properties of the role session"
// in the IAM User Guide). The service files list only a few of them, so they
// are kept here by hand, with the data type AWS documents. aws:EpochTime
// works with date and numeric operators; Date is recorded, as AWS lists it
// first. Where a service file gives one of these keys another type, this
// list wins, unless the key is that service's own (ec2:SourceInstanceARN in
// the ec2 file).
var globalKeys = []conditionKey{
	// Principal properties.
	{Key: "aws:PrincipalArn", Type: "ARN"},
	{Key: "aws:PrincipalAccount", Type: "String"},
	{Key: "aws:PrincipalOrgPaths", Type: "ArrayOfString"},
	{Key: "aws:PrincipalOrgID", Type: "String"},
	{Key: "aws:PrincipalTag/${TagKey}", Type: "String"},
	{Key: "aws:PrincipalIsAWSService", Type: "Bool"},
	{Key: "aws:PrincipalServiceName", Type: "String"},
	{Key: "aws:PrincipalServiceNamesList", Type: "ArrayOfString"},
	{Key: "aws:PrincipalType", Type: "String"},
	{Key: "aws:userid", Type: "String"},
	{Key: "aws:username", Type: "String"},
	// Role session properties.
	{Key: "aws:AssumedRoot", Type: "Bool"},
	{Key: "aws:FederatedProvider", Type: "String"},
	{Key: "aws:TokenIssueTime", Type: "Date"},
	{Key: "aws:MultiFactorAuthAge", Type: "Numeric"},
	{Key: "aws:MultiFactorAuthPresent", Type: "Bool"},
	{Key: "aws:ChatbotSourceArn", Type: "ARN"},
	{Key: "aws:Ec2InstanceSourceVpc", Type: "String"},
	{Key: "aws:Ec2InstanceSourcePrivateIPv4", Type: "IPAddress"},
	{Key: "aws:SourceIdentity", Type: "String"},
	{Key: "ec2:RoleDelivery", Type: "Numeric"},
	{Key: "ec2:SourceInstanceARN", Type: "ARN"},
	{Key: "glue:RoleAssumedBy", Type: "String"},
	{Key: "glue:CredentialIssuingService", Type: "String"},
	{Key: "lambda:SourceFunctionArn", Type: "ARN"},
	{Key: "ssm:SourceInstanceARN", Type: "ARN"},
	{Key: "identitystore:UserId", Type: "String"},
	// Network properties.
	{Key: "aws:SourceIp", Type: "IPAddress"},
	{Key: "aws:SourceVpc", Type: "String"},
	{Key: "aws:SourceVpcArn", Type: "ARN"},
	{Key: "aws:SourceVpce", Type: "String"},
	{Key: "aws:VpceAccount", Type: "String"},
	{Key: "aws:VpceOrgPaths", Type: "ArrayOfString"},
	{Key: "aws:VpceOrgID", Type: "String"},
	{Key: "aws:VpcSourceIp", Type: "IPAddress"},
	// Resource properties.
	{Key: "aws:ResourceAccount", Type: "String"},
	{Key: "aws:ResourceOrgID", Type: "String"},
	{Key: "aws:ResourceOrgPaths", Type: "ArrayOfString"},
	{Key: "aws:ResourceTag/${TagKey}", Type: "String"},
	// Request properties.
	{Key: "aws:CalledVia", Type: "ArrayOfString"},
	{Key: "aws:CalledViaFirst", Type: "String"},
	{Key: "aws:CalledViaLast", Type: "String"},
	{Key: "aws:CalledViaAWSMCP", Type: "String"},
	{Key: "aws:ViaAWSService", Type: "Bool"},
	{Key: "aws:ViaAWSMCPService", Type: "Bool"},
	{Key: "aws:IsMcpServiceAction", Type: "Bool"},
	{Key: "aws:CurrentTime", Type: "Date"},
	{Key: "aws:EpochTime", Type: "Date"},
	{Key: "aws:referer", Type: "String"},
	{Key: "aws:RequestedRegion", Type: "String"},
	{Key: "aws:RequestTag/${TagKey}", Type: "String"},
	{Key: "aws:TagKeys", Type: "ArrayOfString"},
	{Key: "aws:SecureTransport", Type: "Bool"},
	{Key: "aws:SourceArn", Type: "ARN"},
	{Key: "aws:SourceAccount", Type: "String"},
	{Key: "aws:SourceOwner", Type: "String"},
	{Key: "aws:SourceOrgPaths", Type: "ArrayOfString"},
	{Key: "aws:SourceOrgID", Type: "String"},
	{Key: "aws:UserAgent", Type: "String"},
}
