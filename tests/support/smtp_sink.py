"""An SMTP server for the tests (aiosmtpd): keeps every message it takes as a file in the
folder it is given (NNNNN.eml), and refuses for good (550) every recipient whose address
starts with "refused", noting each refusal (NNNNN.refused).

    PYTHONPATH=tests/support python3 -m aiosmtpd -n -l 127.0.0.1:2525 -c smtp_sink.Sink FOLDER
"""

import itertools
import os


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.numbers = itertools.count(1)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("smtp_sink.Sink takes one argument: the folder to keep messages in")
        return cls(args[0])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused"):
            path = os.path.join(self.folder, f"{next(self.numbers):05}.refused")
            with open(path, "w") as file:
                file.write(address)
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        path = os.path.join(self.folder, f"{next(self.numbers):05}.eml")
        with open(path + ".part", "wb") as file:
            file.write(envelope.original_content or envelope.content)
        os.rename(path + ".part", path)
        return "250 Message accepted"
