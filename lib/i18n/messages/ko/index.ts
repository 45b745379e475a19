import admin from './admin.json';
import auth from './auth.json';
import caseMessages from './case.json';
import claimant from './claimant.json';
import common from './common.json';
import communications from './communications.json';
import costs from './costs.json';
import errors from './errors.json';
import filings from './filings.json';
import intake from './intake.json';
import invitations from './invitations.json';
import mail from './mail.json';
import organizer from './organizer.json';
import petition from './petition.json';
import review from './review.json';
import rounds from './rounds.json';
import security from './security.json';
import validation from './validation.json';

// One JSON file per namespace so each area of the app owns its strings.
const messages = {
  admin,
  auth,
  case: caseMessages,
  claimant,
  common,
  communications,
  costs,
  errors,
  filings,
  intake,
  invitations,
  mail,
  organizer,
  petition,
  review,
  rounds,
  security,
  validation,
};
export default messages;
