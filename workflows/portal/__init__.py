"""The applicant portal: the status page behind a case's secret link, where applicants follow their case, answer
queries, withdraw, download decisions and send the proof of use, without an account."""
