from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Rimuove l'app di autenticazione di un utente (telefono perso o cambiato): al prossimo "
        "accesso gli sarà chiesto di configurarne una nuova, se obbligatoria."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"Utente «{username}» inesistente.") from error
        count, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"{username}: {count} dispositivi rimossi.")
