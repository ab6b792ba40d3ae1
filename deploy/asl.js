'use strict';

// The pipeline's state machine for serverless.yml: the very file that Flick.Local executes and the
// CDK app deploys, with each `${Name}` placeholder (see StateMachineDefinition.cs) replaced by a
// CloudFormation value. Serverless variables use the same `${...}` syntax, so the placeholders must
// be gone before the framework sees the definition: a function ARN becomes Fn::GetAtt of that
// function (serverless-step-functions turns it into the function's ARN), the bus name becomes the
// configured name. A placeholder this file does not know is an error, not a broken deployment.
const fs = require('node:fs');
const path = require('node:path');

const definitionFile = path.join(__dirname, '..', 'src', 'Flick.Pipeline', 'StateMachine', 'flick-pipeline.asl.json');

// Placeholder → serverless.yml function key (its logical id is <Key>LambdaFunction).
const functions = {
  PrepareFunctionArn: 'prepare',
  ViewersFunctionArn: 'viewers',
  ChannelFunctionArn: 'channel',
  RankingsFunctionArn: 'rankings',
  FinalizeFunctionArn: 'finalize',
  FailureFunctionArn: 'failure',
};

const placeholder = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

function substitute(node, values) {
  if (Array.isArray(node)) {
    return node.map((item) => substitute(item, values));
  }
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, substitute(value, values)]));
  }
  if (typeof node === 'string' && node.includes('${')) {
    const match = placeholder.exec(node);
    if (!match || !(match[1] in values)) {
      throw new Error(`${definitionFile}: no substitution for '${node}' (known: ${Object.keys(values).join(', ')})`);
    }
    return values[match[1]];
  }
  return node;
}

function logicalId(functionKey) {
  return `${functionKey.charAt(0).toUpperCase()}${functionKey.slice(1)}LambdaFunction`;
}

module.exports = async ({ resolveVariable }) => {
  const values = { EventBusName: await resolveVariable('self:custom.eventBusName') };
  for (const [name, key] of Object.entries(functions)) {
    values[name] = { 'Fn::GetAtt': [logicalId(key), 'Arn'] };
  }
  return substitute(JSON.parse(fs.readFileSync(definitionFile, 'utf8')), values);
};
