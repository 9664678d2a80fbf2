"""Fill the database with a synthetic Community of Practice for performance work.

    python manage.py generate_data --scale S|M|L [--seed N] [--dry-run] [--force]

S ≈ 200 cases, M ≈ 2,000, L ≈ 20,000 cases with 10,000 members (see ``devtools.datagen.PLANS``).
Generated members share one password (``devtools.datagen.GENERATED_PASSWORD``) and an
e-mail domain that never delivers (``@gegenereerd.invalid``).
"""

import time

from django.core.management.base import BaseCommand, CommandError

from cop.cache import bump_content_version
from devtools import datagen

PUBLIC_SCALES = ["S", "M", "L"]


class Command(BaseCommand):
    help = "Fill the database with a synthetic CoP (S ≈ 200 cases, M ≈ 2,000, L ≈ 20,000) for benchmarks."

    def add_arguments(self, parser):
        # XS (10 cases) is for the test suite; it is accepted but not advertised.
        parser.add_argument("--scale", default="S", type=str.upper, choices=[*PUBLIC_SCALES, "XS"], metavar="S|M|L")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data (default 1).")
        parser.add_argument("--dry-run", action="store_true", help="Print the planned counts; write nothing.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even if generated data exists: first delete ALL community content and the generated members.",
        )
        parser.add_argument("--batch-size", type=int, default=2000, help="Rows per INSERT (default 2000).")

    def handle(self, *args, scale, seed, dry_run, force, batch_size, **options):
        plan = datagen.PLANS[scale]
        if dry_run:
            self.stdout.write(f"Planned for scale {scale} (seed {seed}); nothing written:")
            for name, count in plan.planned_counts().items():
                self.stdout.write(f"  {name:<28} {count:>9,}")
            return
        if not datagen.has_generated_data() and datagen.has_other_content():
            if not force:
                # The generator makes its own municipalities, themes and clusters; beside the
                # demo's (``make run``) their names and addresses would collide.
                raise CommandError(
                    "This database already holds community content that was not generated (the demo data "
                    "of `make run`?). Generate into an empty database, for example "
                    "`DATABASE_URL=sqlite:///generated.sqlite3 manage.py migrate && "
                    "DATABASE_URL=sqlite:///generated.sqlite3 manage.py generate_data --scale S`, "
                    "or use --force to delete ALL community content (the demo's too) first."
                )
            started = time.monotonic()
            datagen.delete_content()
            self.stdout.write(f"Deleted the existing content in {time.monotonic() - started:.1f} s.")
        elif datagen.has_generated_data():
            if not force:
                raise CommandError(
                    "This database already holds generated data. Use --force to delete all community content "
                    "and the generated members first."
                )
            started = time.monotonic()
            datagen.delete_content()
            self.stdout.write(f"Deleted the previous content in {time.monotonic() - started:.1f} s.")
        log = self.stdout.write if options["verbosity"] > 1 else None
        generator = datagen.Generator(plan, seed=seed, batch_size=batch_size, log=log)
        counts = generator.run()
        # Every public page shows other content now (also in a shared cache such as Redis).
        bump_content_version()
        self.stdout.write(f"Generated scale {scale} (seed {seed}) in {generator.elapsed:.1f} s:")
        for name, count in counts.items():
            self.stdout.write(f"  {name:<28} {count:>9,}")
